package dev.praxis.gateway.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import dev.praxis.test.TestJwts;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Everything but the public endpoints needs a valid token; every way a token can be wrong is a 401. */
@GatewayTest
class TokenEnforcementTest {

    private static final UUID USER = UUID.randomUUID();
    private static final UUID TENANT = UUID.randomUUID();
    /** Not in the JWK set. */
    private static final KeyPair FOREIGN = rsaKey();

    @LocalServerPort
    int port;

    WebTestClient gateway;

    @BeforeEach
    void client() {
        gateway = Clients.fromNewAddress(port);
    }

    @Test
    void letsAValidTokenThroughAndForwardsItUnchanged() {
        String token = TestJwts.token(UUID.randomUUID(), TENANT, Role.PRACTITIONER);
        String path = "/api/v1/clients/" + UUID.randomUUID();

        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk();

        assertThat(Upstreams.of("scheduling-service").findAll(getRequestedFor(urlEqualTo(path))))
                .singleElement()
                .satisfies(request -> assertThat(request.getHeader(HttpHeaders.AUTHORIZATION))
                        .isEqualTo("Bearer " + token));
    }

    static Stream<Arguments> badAuthorization() {
        return Stream.of(
                Arguments.of("missing", null),
                Arguments.of("not a bearer token", "Basic dXNlcjpwYXNz"),
                Arguments.of("malformed", "Bearer not-a-jwt"),
                Arguments.of("malformed JWT", "Bearer a.b.c"),
                Arguments.of("empty bearer", "Bearer "),
                Arguments.of("valid token with a character outside base64url",
                        bearer(withAsteriskInSignature(TestJwts.token(USER, TENANT, Role.ADMIN)))),
                Arguments.of("expired", bearer(TestJwts.expired(USER, TENANT, Role.ADMIN))),
                Arguments.of("signed with another key", bearer(TestJwts.signedWithForeignKey(USER, TENANT, Role.ADMIN))),
                Arguments.of("alg none", bearer(TestJwts.unsigned(USER, TENANT, Role.ADMIN))),
                Arguments.of("HS256 with the public key", bearer(TestJwts.hs256WithPublicKey(USER, TENANT, Role.ADMIN))),
                Arguments.of("unknown kid", bearer(TestJwts.unknownKid(USER, TENANT, Role.ADMIN))),
                Arguments.of("no kid", bearer(TestJwts.claims(USER, TENANT).header().keyId(null).and()
                        .signWith(FOREIGN.getPrivate(), Jwts.SIG.RS256).compact())),
                Arguments.of("wrong audience", bearer(TestJwts.wrongAudience(USER, TENANT, Role.ADMIN))),
                Arguments.of("wrong issuer", bearer(TestJwts.wrongIssuer(USER, TENANT, Role.ADMIN))),
                Arguments.of("no exp", bearer(TestJwts.signed(TestJwts.claims(USER, TENANT).expiration(null)))),
                Arguments.of("not yet valid", bearer(TestJwts.signed(TestJwts.claims(USER, TENANT)
                        .notBefore(Date.from(Instant.now().plus(Duration.ofMinutes(5))))))),
                Arguments.of("sub not a UUID", bearer(TestJwts.signed(TestJwts.claims(USER, TENANT).subject("admin")))),
                Arguments.of("tenant not a UUID", bearer(TestJwts.signed(TestJwts.claims(USER, TENANT)
                        .claim(TokenClaims.TENANT_ID, "acme")))),
                Arguments.of("no jti", bearer(TestJwts.signed(TestJwts.claims(USER, TENANT).id(null)))));
    }

    private static String withAsteriskInSignature(String token) {
        return token.substring(0, token.length() - 2) + "*" + token.substring(token.length() - 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAuthorization")
    void refusesWith401(String why, String authorization) {
        String requestId = "req-" + UUID.randomUUID();
        WebTestClient.RequestHeadersSpec<?> request = gateway.get().uri("/api/v1/appointments")
                .header(PraxisHeaders.REQUEST_ID, requestId);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        request.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().valueEquals(PraxisHeaders.REQUEST_ID, requestId)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"detail\":\"Not authenticated\",\"request_id\":\"" + requestId + "\"}", true);
    }

    static Stream<Arguments> publicEndpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/"),
                Arguments.of(HttpMethod.GET, "/health"),
                Arguments.of(HttpMethod.GET, "/api/v1/health"),
                Arguments.of(HttpMethod.GET, "/docs"),
                Arguments.of(HttpMethod.GET, "/swagger-ui/index.html"),
                Arguments.of(HttpMethod.GET, "/v3/api-docs/swagger-config"),
                Arguments.of(HttpMethod.GET, "/openapi/auth-service"),
                Arguments.of(HttpMethod.GET, "/.well-known/jwks.json"),
                Arguments.of(HttpMethod.POST, "/api/v1/auth/login"),
                Arguments.of(HttpMethod.POST, "/api/v1/auth/request-magic-link"),
                Arguments.of(HttpMethod.GET, "/api/v1/auth/verify-magic-link?token=abc"),
                Arguments.of(HttpMethod.POST, "/api/v1/auth/register"),
                Arguments.of(HttpMethod.POST, "/api/v1/tenants/"),
                Arguments.of(HttpMethod.POST, "/api/v1/tenants"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("publicEndpoints")
    void answersPublicEndpointsWithoutAToken(HttpMethod method, String path) {
        gateway.method(method).uri(path).exchange().expectStatus().value(status -> assertThat(status).isBetween(200, 399));
    }

    @Test
    void leavesTokensOnPublicEndpointsToTheService() {
        gateway.post().uri("/api/v1/auth/register")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestJwts.expired(USER, TENANT, Role.ADMIN)))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "auth-service");
    }

    @Test
    void needsATokenForEverythingElseOnAPublicPath() {
        gateway.get().uri("/api/v1/auth/login").exchange().expectStatus().isUnauthorized();
        gateway.delete().uri("/api/v1/tenants/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        gateway.post().uri("/api/v1/auth/logout").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void fetchesTheJwkSetAgainAtMostOncePerFloorForUnknownKeys() {
        WireMockServer auth = Upstreams.of("auth-service");
        int before = jwkSetFetches(auth);
        long started = System.nanoTime();

        for (int i = 0; i < 10; i++) {
            String token = TestJwts.claims(USER, TENANT).header().keyId("made-up-" + i).and()
                    .signWith(FOREIGN.getPrivate(), Jwts.SIG.RS256).compact();
            gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                    .expectStatus().isUnauthorized();
        }

        // Every fetch, on a miss or a stale set, waits for the floor (2 s in the test profile) since the one before.
        long floors = Duration.ofNanos(System.nanoTime() - started).toMillis() / 2000;
        assertThat(jwkSetFetches(auth) - before).isLessThanOrEqualTo(1 + (int) floors);
    }

    @Test
    void followsKeyRotationAndWithdrawal() throws Exception {
        KeyPair rotated = rsaKey();
        String kid = "rotated-" + UUID.randomUUID();
        List<JWK> keys = new ArrayList<>(JWKSet.parse(TestJwts.jwkSetJson()).getKeys());
        keys.add(new RSAKey.Builder((RSAPublicKey) rotated.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build());
        WireMockServer auth = Upstreams.of("auth-service");
        StubMapping published = auth.stubFor(get(urlEqualTo(TokenClaims.JWKS_PATH)).atPriority(5)
                .willReturn(okJson(new JWKSet(keys).toString())));
        UUID user = UUID.randomUUID();
        String token = TestJwts.claims(user, TENANT).header().keyId(kid).and()
                .signWith(rotated.getPrivate(), Jwts.SIG.RS256).compact();

        // Polling slowly enough to stay inside the user's rate limit (40 per minute in tests).
        await("the new key is used").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                        .expectStatus().isOk());
        // The old key still works: rotation logs nobody out.
        gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION,
                bearer(TestJwts.token(UUID.randomUUID(), TENANT, Role.ADMIN))).exchange().expectStatus().isOk();

        // Withdrawn (the JWK set is re-read once it is older than its max age, 3 s in tests): refused again, although
        // the token was verified and remembered before.
        auth.removeStub(published);
        await("the withdrawn key is refused").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                        .expectStatus().isUnauthorized());
    }

    private static int jwkSetFetches(WireMockServer auth) {
        return auth.findAll(getRequestedFor(urlEqualTo(TokenClaims.JWKS_PATH))
                .withoutHeader(PraxisHeaders.FORWARDED_FOR)).size();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
