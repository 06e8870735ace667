package dev.praxis.auth.token;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.key.KeyRing;
import dev.praxis.auth.key.SigningKey;
import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestClock;
import dev.praxis.test.TestJwts;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.praxis.auth.Responses.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** auth-service verifies tokens itself: its own keys, the platform's claim checks, and no revoked or unknown jti. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class TokenVerificationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    KeyRing keys;

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
    void tokensNotSignedByThisServiceAre401() {
        Member member = api.bootstrap();
        UUID user = member.userId();
        UUID tenant = member.tenantId();
        Map<String, String> forged = Map.of(
                "another issuer's key", TestJwts.token(user, tenant, Role.ADMIN),
                "alg none", TestJwts.unsigned(user, tenant, Role.ADMIN),
                "HS256", TestJwts.hs256WithPublicKey(user, tenant, Role.ADMIN),
                "unknown kid", TestJwts.unknownKid(user, tenant, Role.ADMIN),
                "garbage", "not.a.jwt");

        forged.forEach((kind, token) -> {
            Response response = api.anonymous().bearer(token).get("/api/v1/auth/me");
            assertThat(response.status()).as(kind).isEqualTo(401);
            assertThat(response.detail().asString()).isEqualTo("Not authenticated");
        });
    }

    @Test
    void anExpiredTokenIs401() {
        Member member = api.bootstrap();
        clock.advance(Duration.ofMinutes(-481));
        String expired = api.login(member.username(), member.password());
        clock.reset();

        assertError(api.anonymous().bearer(expired).get("/api/v1/auth/me"), 401);
    }

    @Test
    void aTokenSignedWithOurKeyButNeverIssuedIs401() {
        Member member = api.bootstrap();
        SigningKey key = keys.signingKey();
        Instant now = Instant.now();
        String neverIssued = Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(TokenClaims.ISSUER)
                .audience().add(TokenClaims.AUDIENCE).and()
                .subject(member.userId().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim(TokenClaims.TENANT_ID, member.tenantId().toString())
                .claim(TokenClaims.ROLES, List.of("admin"))
                .signWith(key.privateKey(), Jwts.SIG.RS256)
                .compact();

        assertError(api.anonymous().bearer(neverIssued).get("/api/v1/auth/me"), 401);
        assertThat(api.as(member).get("/api/v1/auth/me").status()).isEqualTo(200);
    }
}
