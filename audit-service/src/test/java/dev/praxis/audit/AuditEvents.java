package dev.praxis.audit;

import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.Actor;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.platform.outbox.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds and publishes event envelopes the way producing services do, and reads what the audit log stored. */
final class AuditEvents {

    static final String TOPIC = "praxis.audit-test.events";

    private AuditEvents() {
    }

    static EventEnvelope event(UUID tenantId, UUID userId, String eventType, String resourceType, String resourceId,
                               Action action, Map<String, Object> metadata) {
        return new EventEnvelope(UUID.randomUUID(), eventType, 1, Instant.now(), "audit-test", tenantId,
                new Actor(userId, "203.0.113.7"), resourceType, resourceId, action, null, "req-" + UUID.randomUUID(),
                null, metadata);
    }

    static EventEnvelope event(UUID tenantId, String eventType) {
        return event(tenantId, UUID.randomUUID(), eventType, "Client", UUID.randomUUID().toString(), Action.UPDATE,
                Map.of("fields", java.util.List.of("phone")));
    }

    static void publish(KafkaTemplate<String, String> kafka, String topic, EventEnvelope event) {
        try {
            kafka.send(topic, event.key(), EventJson.write(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int stored(JdbcTemplate jdbc, UUID eventId) {
        return jdbc.queryForObject("select count(*) from audit_record where event_id = ?", Integer.class, eventId);
    }

    static int storedForTenant(JdbcTemplate jdbc, UUID tenantId) {
        return jdbc.queryForObject("select count(*) from audit_record where tenant_id = ?", Integer.class, tenantId);
    }
}
