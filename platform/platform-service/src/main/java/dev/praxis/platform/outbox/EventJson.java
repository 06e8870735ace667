package dev.praxis.platform.outbox;

import dev.praxis.contracts.events.EventEnvelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The wire form of {@link EventEnvelope}: snake_case JSON, ISO-8601 timestamps. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /** Parses an envelope; anything that is not a valid one is a {@link MalformedEventException}. */
    public static EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty event payload");
        }
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not a valid event envelope: " + e.getClass().getSimpleName());
        }
    }
}
