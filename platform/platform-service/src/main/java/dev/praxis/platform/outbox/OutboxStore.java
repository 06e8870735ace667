package dev.praxis.platform.outbox;

import dev.praxis.contracts.events.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The outbox table, through plain JDBC so it joins whatever transaction (JPA or JDBC) the service has open. */
class OutboxStore {

    /** Any constant works: it only has to be the same for every replica of one service (one database). */
    private static final long RELAY_LOCK_KEY = 0x5052_4158_4953_4f42L;

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String topic, EventEnvelope envelope, String payload) {
        jdbc.update("""
                insert into outbox_event (event_id, topic, message_key, event_type, payload, traceparent, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), topic, envelope.key(), envelope.eventType(), payload, envelope.traceparent(),
                Timestamp.from(envelope.occurredAt()));
    }

    /**
     * One relay at a time per database keeps per-key order across replicas; the lock ends with the transaction.
     */
    boolean tryRelayLock() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                RELAY_LOCK_KEY));
    }

    List<PendingEvent> lockPending(int limit) {
        return jdbc.query("""
                select id, event_id, topic, message_key, event_type, payload, traceparent
                from outbox_event where published_at is null
                order by id limit ? for update skip locked""",
                (rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getString("event_type"), rs.getString("payload"),
                        rs.getString("traceparent")),
                limit);
    }

    void markPublished(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("update outbox_event set published_at = now() where id = any(?)",
                    (Object) ids.toArray(Long[]::new));
        }
    }

    void markFailed(long id, String error) {
        jdbc.update("update outbox_event set attempts = attempts + 1, last_error = ? where id = ?",
                error.length() > 1000 ? error.substring(0, 1000) : error, id);
    }

    PendingStats pendingStats() {
        return jdbc.queryForObject("select count(*), min(created_at) from outbox_event where published_at is null",
                (rs, row) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new PendingStats(rs.getLong(1),
                            oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now()));
                });
    }

    int deletePublishedBefore(Instant cutoff) {
        return jdbc.update("delete from outbox_event where published_at < ?", Timestamp.from(cutoff));
    }

    record PendingEvent(long id, String eventId, String topic, String key, String eventType, String payload,
                        String traceparent) {
    }

    record PendingStats(long count, Duration oldestAge) {
    }
}
