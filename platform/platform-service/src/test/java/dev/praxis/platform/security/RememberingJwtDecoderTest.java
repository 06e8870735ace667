package dev.praxis.platform.security;

import dev.praxis.test.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingJwtDecoderTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    final List<String> verified = new ArrayList<>();
    final TestClock clock = TestClock.fixedAt(NOW);
    final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    final JwtDecoder verifier = token -> {
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        verified.add(token);
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("user").issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(900)).build();
    };

    RememberingJwtDecoder decoder() {
        timestamps.setClock(clock);
        return new RememberingJwtDecoder(verifier, timestamps, 100, Duration.ofMinutes(5));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        RememberingJwtDecoder decoder = decoder();

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");
        decoder.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        RememberingJwtDecoder decoder = decoder();
        decoder.decode("token-a");

        clock.advance(Duration.ofSeconds(901));

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        RememberingJwtDecoder decoder = decoder();

        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verified).isEmpty();
    }
}
