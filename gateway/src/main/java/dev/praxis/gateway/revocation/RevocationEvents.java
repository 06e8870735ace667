package dev.praxis.gateway.revocation;

import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Live revocations: {@code token.revoked} events on {@code praxis.auth.events}, applied within the consumer's fetch
 * latency (well under a second). Every replica reads in its own consumer group. When it gets its partitions it reads
 * from {@value #REPLAY_SECONDS} seconds back and has {@link RevocationLoader} load what is revoked now: an event
 * is published after its revocation is committed, so one published before that point was committed before the load
 * reads, and nothing falls between the two (revoking twice is harmless). Reading from the earliest offset instead would
 * replay the whole topic on each start. Other auth events are ignored; an unreadable one is logged and skipped, never
 * retried forever.
 */
@Component
final class RevocationEvents implements ConsumerSeekAware {

    static final String TOKEN_REVOKED = "token.revoked";
    static final String LISTENER_ID = "gateway-revocations";

    /** Also covers clock skew between this replica and the broker's timestamps. */
    static final int REPLAY_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(RevocationEvents.class);

    private final RevocationStore store;
    private final RevocationLoader loader;
    private final JsonMapper json;
    private final Clock clock;
    private final RevocationProperties properties;

    RevocationEvents(RevocationStore store, RevocationLoader loader, JsonMapper json, Clock clock,
                     RevocationProperties properties) {
        this.store = store;
        this.loader = loader;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.AUTH,
            groupId = "${praxis.gateway.revocations.consumer-group}")
    void onEvent(String payload) {
        EventEnvelope event;
        try {
            event = json.readValue(payload, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("unreadable event on {} skipped: {}", Topics.AUTH, e.getMessage());
            return;
        }
        if (!TOKEN_REVOKED.equals(event.eventType())) {
            return;
        }
        Map<String, Object> metadata = event.metadata();
        String jti = metadata.get("jti") instanceof String value ? value : event.resourceId();
        if (jti == null || jti.isBlank()) {
            log.warn("token.revoked event {} without a jti skipped", event.eventId());
            return;
        }
        store.revoke(jti, expiresAt(metadata.get("expires_at")));
    }

    private Instant expiresAt(Object value) {
        if (value instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                log.warn("token.revoked with an unreadable expires_at; kept for {}", properties.fallbackTtl());
            }
        }
        return clock.instant().plus(properties.fallbackTtl());
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), clock.millis() - REPLAY_SECONDS * 1000L);
        loader.reload();
    }
}
