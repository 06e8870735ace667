package dev.praxis.auth.token;

import java.time.Instant;
import java.util.UUID;

/** A signed access token and what the service remembers of it. */
public record AccessToken(String value, UUID jti, Instant expiresAt) {

    /** The bearer token type of both contracts' login responses. */
    public static final String TYPE = "bearer";

    /** Never prints the token. */
    @Override
    public String toString() {
        return "AccessToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
