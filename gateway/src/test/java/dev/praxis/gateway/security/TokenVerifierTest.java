package dev.praxis.gateway.security;

import dev.praxis.contracts.security.Role;
import dev.praxis.gateway.revocation.RevocationStores;
import dev.praxis.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.function.client.WebClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clock skew: {@code exp} is honoured with at most 30 s of tolerance. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.now();
    private static final TokenProperties PROPERTIES = new TokenProperties(URI.create(TestJwts.jwkSetUri()),
            Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(30), true);

    private final TokenVerifier verifier = new TokenVerifier(new SigningKeys(WebClient.builder(), PROPERTIES),
            RevocationStores.empty(), PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsATokenThatExpiredWithinTheSkew() {
        Jwt jwt = verifier.decode(expiringAt(NOW.minusSeconds(20))).block(Duration.ofSeconds(10));

        assertThat(jwt).isNotNull();
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.minusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void refusesATokenThatExpiredLongerAgoThanTheSkew() {
        assertThatThrownBy(() -> verifier.decode(expiringAt(NOW.minusSeconds(31))).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesASkewOverThirtySeconds() {
        assertThatThrownBy(() -> new TokenProperties(URI.create("http://localhost/jwks"), Duration.ofSeconds(10),
                Duration.ofMinutes(5), Duration.ofSeconds(31), true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyCanonicalUuids() {
        assertThat(TokenVerifier.isUuid(UUID.randomUUID().toString())).isTrue();
        assertThat(TokenVerifier.isUuid("1-1-1-1-1")).isFalse();
        assertThat(TokenVerifier.isUuid("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).isFalse();
        assertThat(TokenVerifier.isUuid(42)).isFalse();
    }

    private static String expiringAt(Instant expiry) {
        return TestJwts.signed(TestJwts.claims(UUID.randomUUID(), UUID.randomUUID(), Role.ADMIN)
                .issuedAt(Date.from(expiry.minus(Duration.ofHours(1)))).expiration(Date.from(expiry)));
    }
}
