package dev.praxis.sample;

import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.platform.kafka.IdempotentConsumer;
import dev.praxis.platform.outbox.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes a feed the way real consumers do: parse the envelope, apply the effect once. */
@Component
class FeedListener {

    static final String TOPIC = "praxis.sample-feed.events";

    private final IdempotentConsumer idempotent;
    private final JdbcTemplate jdbc;

    FeedListener(IdempotentConsumer idempotent, JdbcTemplate jdbc) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = TOPIC, groupId = "sample-service")
    void on(String payload) {
        EventEnvelope event = EventJson.read(payload);
        idempotent.processOnce("sample-feed", event.eventId(),
                () -> jdbc.update("insert into feed_effect (event_id) values (?)", event.eventId()));
    }
}
