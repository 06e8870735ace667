package dev.praxis.platform.kafka;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so a redelivery (after a crash before the offset commit, or a duplicate publish) is
 * skipped, and a failed effect leaves no trace and is retried.
 */
public class IdempotentConsumer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** @return true when the effect ran, false when this consumer had already applied the event */
    public boolean processOnce(String consumer, UUID eventId, Runnable effect) {
        Boolean applied = transactions.execute(status -> {
            int inserted = jdbc.update("""
                    insert into processed_event (consumer, event_id) values (?, ?)
                    on conflict (consumer, event_id) do nothing""", consumer, eventId);
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
