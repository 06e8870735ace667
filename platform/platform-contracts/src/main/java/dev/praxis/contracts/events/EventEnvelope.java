package dev.praxis.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one event shape every Praxis service publishes (DESIGN.md section 3, Events).
 * <p>
 * {@code metadata} carries ids, statuses, counts and the names of changed fields only; it must never hold PHI values
 * (names, notes, free text, contact details).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventEnvelope(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("event_version") int eventVersion,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("producer") String producer,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("actor") Actor actor,
        @JsonProperty("resource_type") String resourceType,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("action") Action action,
        @JsonProperty("outcome") Outcome outcome,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("traceparent") String traceparent,
        @JsonProperty("metadata") Map<String, Object> metadata) {

    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(eventType, "event_type");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(resourceType, "resource_type");
        Objects.requireNonNull(action, "action");
        if (!eventType.matches("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("event_type must be <resource>.<verb>: " + eventType);
        }
        actor = actor == null ? Actor.SYSTEM : actor;
        outcome = outcome == null ? Outcome.SUCCESS : outcome;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The Kafka record key: the resource id, so that events of one resource stay in order. */
    public String key() {
        return resourceId != null ? resourceId : (tenantId != null ? tenantId.toString() : eventId.toString());
    }
}
