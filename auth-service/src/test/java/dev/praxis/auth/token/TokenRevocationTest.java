package dev.praxis.auth.token;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.praxis.auth.Responses.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Logout ({@code POST /api/v1/auth/logout}, any role) and the revocation list the gateway loads. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class TokenRevocationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccessTokens tokens;

    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void logoutRevokesThatTokenAndPublishesTheRevocation() {
        Member member = api.bootstrap();
        Member otherSession = api.relogin(member);
        JsonNode claims = TokenParts.claims(member.token());
        String jti = claims.get("jti").asString();
        String expiresAt = Instant.ofEpochSecond(claims.get("exp").asLong()).toString();

        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response logout = api.as(member).post("/api/v1/auth/logout", Map.of());

            assertThat(logout.status()).isEqualTo(200);
            assertThat(logout.body()).isEqualTo("{\"message\":\"Logout successful\",\"token_revoked\":true}");
            EventEnvelope revoked = events.awaitEvent(e -> e.eventType().equals("token.revoked")
                    && jti.equals(e.resourceId()));
            assertThat(revoked.resourceType()).isEqualTo("Token");
            assertThat(revoked.action()).isEqualTo(Action.UPDATE);
            assertThat(revoked.tenantId()).isEqualTo(member.tenantId());
            assertThat(revoked.metadata()).isEqualTo(Map.of("jti", jti, "expires_at", expiresAt, "reason", "logout"));
            assertThat(events.records()).noneMatch(r -> r.value().contains(member.token()));
        }

        assertError(api.as(member).get("/api/v1/auth/me"), 401);
        assertError(api.as(member).post("/api/v1/auth/logout", Map.of()), 401);
        assertThat(api.as(otherSession).get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/internal/revocations").body())
                .contains("{\"jti\":\"" + jti + "\",\"expires_at\":\"" + expiresAt + "\"}");
        assertThat(jdbc.queryForObject("select revoke_reason from issued_token where jti = ?::uuid", String.class,
                jti)).isEqualTo("logout");
    }

    @Test
    void logoutNeedsAToken() {
        assertError(api.anonymous().post("/api/v1/auth/logout", Map.of()), 401);
    }

    @Test
    void theRevocationListHoldsOnlyTokensThatHaveNotExpired() {
        Member member = api.bootstrap();
        String jti = TokenParts.claims(member.token()).get("jti").asString();
        api.as(member).post("/api/v1/auth/logout", Map.of());
        assertThat(api.anonymous().get("/internal/revocations").body()).contains(jti);

        clock.advance(Duration.ofMinutes(481));

        Response list = api.anonymous().get("/internal/revocations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(jti);
    }

    @Test
    void recordsOfLongExpiredTokensAreDeleted() {
        Member member = api.bootstrap();
        String jti = TokenParts.claims(member.token()).get("jti").asString();

        clock.advance(Duration.ofMinutes(480).plusDays(1).plusMinutes(1));
        tokens.purgeExpired();

        assertThat(jdbc.queryForObject("select count(*) from issued_token where jti = ?::uuid", Integer.class, jti))
                .isZero();
    }
}
