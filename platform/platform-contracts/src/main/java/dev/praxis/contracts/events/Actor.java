package dev.praxis.contracts.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.UUID;

/** Who caused an event: a user (from the token) and the client IP the gateway saw, or the system itself. */
public record Actor(@JsonProperty("user_id") UUID userId, @JsonProperty("ip") String ip) {

    public static final Actor SYSTEM = new Actor(null, null);
}
