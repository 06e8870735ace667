package dev.praxis.sample;

import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.Actor;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.platform.kafka.IdempotentConsumer;
import dev.praxis.platform.outbox.EventJson;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A redelivered event is applied once; a poison record is parked on the dead-letter topic and the consumer goes on. */
@PraxisServiceTest
class IdempotentConsumptionTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotentConsumer idempotent;

    @Test
    void redeliveredEventIsAppliedOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        EventEnvelope event = envelope(key);
        EventEnvelope later = envelope(key);

        kafka.send(FeedListener.TOPIC, key, EventJson.write(event)).get();
        kafka.send(FeedListener.TOPIC, key, EventJson.write(event)).get();
        kafka.send(FeedListener.TOPIC, key, EventJson.write(later)).get();

        // Same key, same partition: once the later event is applied, both copies of the first have been consumed.
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(later.eventId()) == 1);
        assertThat(effects(event.eventId())).isEqualTo(1);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsStillApplied() throws Exception {
        String key = UUID.randomUUID().toString();
        EventEnvelope good = envelope(key);
        try (KafkaProbe deadLetters = KafkaProbe.open(Topics.deadLetter(FeedListener.TOPIC))) {
            kafka.send(FeedListener.TOPIC, key, "{not an event").get();
            kafka.send(FeedListener.TOPIC, key, EventJson.write(good)).get();

            ConsumerRecord<String, String> parked = deadLetters.awaitRecords(r -> key.equals(r.key()), 1).get(0);
            assertThat(parked.value()).isEqualTo("{not an event");
            assertThat(new String(parked.headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains("not a valid event envelope");
            await().atMost(Duration.ofSeconds(30)).until(() -> effects(good.eventId()) == 1);
        }
    }

    @Test
    void failedEffectLeavesNoTraceAndIsRetried() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> idempotent.processOnce("direct", eventId, () -> {
            jdbc.update("insert into feed_effect (event_id) values (?)", eventId);
            throw new IllegalStateException("effect failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(effects(eventId)).isZero();

        assertThat(idempotent.processOnce("direct", eventId,
                () -> jdbc.update("insert into feed_effect (event_id) values (?)", eventId))).isTrue();
        assertThat(idempotent.processOnce("direct", eventId,
                () -> jdbc.update("insert into feed_effect (event_id) values (?)", eventId))).isFalse();
        assertThat(effects(eventId)).isEqualTo(1);
    }

    private int effects(UUID eventId) {
        return jdbc.queryForObject("select count(*) from feed_effect where event_id = ?", Integer.class, eventId);
    }

    private static EventEnvelope envelope(String key) {
        return new EventEnvelope(UUID.randomUUID(), "feed.item_added", 1, Instant.now(), "feed-producer",
                UUID.randomUUID(), Actor.SYSTEM, "FeedItem", key, Action.CREATE, null, null, null, Map.of("n", 1));
    }

}
