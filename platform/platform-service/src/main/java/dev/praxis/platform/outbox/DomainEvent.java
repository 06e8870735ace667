package dev.praxis.platform.outbox;

import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.Actor;
import dev.praxis.contracts.events.Outcome;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a service says happened, before the platform adds the envelope's context (id, time, producer, tenant and actor
 * from the token, request id, trace). {@code metadata} holds ids, statuses, counts and names of changed fields only —
 * never PHI values.
 */
public final class DomainEvent {

    private final String eventType;
    private final String resourceType;
    private final String resourceId;
    private final Action action;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private Outcome outcome = Outcome.SUCCESS;
    private UUID tenantId;
    private Actor actor;
    private UUID actingUserId;

    private DomainEvent(String eventType, String resourceType, String resourceId, Action action) {
        this.eventType = Objects.requireNonNull(eventType);
        this.resourceType = Objects.requireNonNull(resourceType);
        this.resourceId = resourceId;
        this.action = Objects.requireNonNull(action);
    }

    /** E.g. {@code DomainEvent.of("appointment.created", "Appointment", id, Action.CREATE)}. */
    public static DomainEvent of(String eventType, String resourceType, Object resourceId, Action action) {
        return new DomainEvent(eventType, resourceType, resourceId == null ? null : resourceId.toString(), action);
    }

    public DomainEvent with(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    public DomainEvent outcome(Outcome outcome) {
        this.outcome = Objects.requireNonNull(outcome);
        return this;
    }

    /** For events without an authenticated caller (login, bootstrap): the tenant they belong to. */
    public DomainEvent tenant(UUID tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    /** For events without an authenticated caller: who acted, exactly. */
    public DomainEvent actor(Actor actor) {
        this.actor = actor;
        return this;
    }

    /**
     * For events without a token where the user is known all the same (a login, a registration): the actor is this
     * user, seen from the request's client address.
     */
    public DomainEvent actingUser(UUID userId) {
        this.actingUserId = userId;
        return this;
    }

    String eventType() {
        return eventType;
    }

    String resourceType() {
        return resourceType;
    }

    String resourceId() {
        return resourceId;
    }

    Action action() {
        return action;
    }

    Map<String, Object> metadata() {
        return metadata;
    }

    Outcome outcome() {
        return outcome;
    }

    UUID tenantId() {
        return tenantId;
    }

    Actor actor() {
        return actor;
    }

    UUID actingUserId() {
        return actingUserId;
    }
}
