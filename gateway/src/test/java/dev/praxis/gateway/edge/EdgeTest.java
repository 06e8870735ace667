package dev.praxis.gateway.edge;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What services receive (headers stripped, request id, trace, client address) and what every response carries. */
@GatewayTest
class EdgeTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    WebTestClient gateway;
    String token;

    @BeforeEach
    void client() {
        gateway = Clients.fromNewAddress(port);
        token = Clients.newUserToken();
    }

    @Test
    void stripsInternalAndIdentityHeadersAndKeepsTheRest() {
        String path = "/api/v1/appointments/" + UUID.randomUUID();
        gateway.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-Tenant-Id", UUID.randomUUID().toString())
                .header("x-internal-call", "true")
                .header("X-Praxis-Roles", "admin")
                .header("X-Workspace-Id", UUID.randomUUID().toString())
                .header("X-Roles", "admin")
                .header("X-Auth-User", "root")
                .header("X-Real-IP", "10.0.0.1")
                .header("Forwarded", "for=10.0.0.1;host=evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header(PraxisHeaders.IDEMPOTENCY_KEY, "key-1")
                .exchange()
                .expectStatus().isOk();

        LoggedRequest received = receivedBy("scheduling-service", path);
        assertThat(received.getHeaders().keys()).map(String::toLowerCase)
                .doesNotContain("x-user-id", "x-tenant-id", "x-internal-call", "x-praxis-roles", "x-workspace-id",
                        "x-roles", "x-auth-user", "x-real-ip", "forwarded", "x-forwarded-host");
        assertThat(received.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo(Clients.bearer(token));
        assertThat(received.getHeader(PraxisHeaders.IDEMPOTENCY_KEY)).isEqualTo("key-1");
    }

    @Test
    void refusesMoreHeadersThanTheServicesTakeInTheErrorShape() {
        String path = "/api/v1/appointments/" + UUID.randomUUID();
        WebTestClient.RequestHeadersSpec<?> crowded = gateway.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token));
        for (int i = 0; i < 100; i++) {
            crowded = crowded.header("X-Extra-" + i, "v");
        }
        crowded.exchange()
                .expectStatus().isEqualTo(431)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Too many request headers")
                .jsonPath("$.request_id").isNotEmpty();
        assertThat(Upstreams.of("scheduling-service").findAll(getRequestedFor(urlEqualTo(path)))).isEmpty();

        WebTestClient.RequestHeadersSpec<?> usual = gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION,
                Clients.bearer(token));
        for (int i = 0; i < 40; i++) {
            usual = usual.header("X-Extra-" + i, "v");
        }
        usual.exchange().expectStatus().isOk();
    }

    @Test
    void addsAW3cTraceparentForTheService() {
        String path = "/api/v1/services/" + UUID.randomUUID();
        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk();

        assertThat(receivedBy("scheduling-service", path).getHeader(PraxisHeaders.TRACEPARENT))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void continuesTheCallersTrace() {
        String path = "/api/v1/services/" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(PraxisHeaders.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk();

        assertThat(receivedBy("scheduling-service", path).getHeader(PraxisHeaders.TRACEPARENT))
                .startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void keepsASaneCallerRequestIdOnTheRequestAndTheResponse() {
        String path = "/api/v1/locations/" + UUID.randomUUID();
        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(PraxisHeaders.REQUEST_ID, "client-42.a:b_c").exchange()
                .expectStatus().isOk()
                // One value, though the service echoed it too.
                .expectHeader().values(PraxisHeaders.REQUEST_ID, values -> assertThat(values)
                        .containsExactly("client-42.a:b_c"));

        assertThat(receivedBy("scheduling-service", path).getHeader(PraxisHeaders.REQUEST_ID))
                .isEqualTo("client-42.a:b_c");
    }

    @Test
    void replacesAnInsaneRequestIdAndGeneratesOneWhenMissing() {
        for (String callerValue : new String[] {"has spaces in it", "x".repeat(129), "a/b", null}) {
            String path = "/api/v1/clients/" + UUID.randomUUID();
            WebTestClient.RequestHeadersSpec<?> request = gateway.get().uri(path)
                    .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token));
            if (callerValue != null) {
                request.header(PraxisHeaders.REQUEST_ID, callerValue);
            }
            String answered = request.exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseHeaders().getFirst(PraxisHeaders.REQUEST_ID);

            assertThat(answered).matches(UUID_PATTERN);
            assertThat(receivedBy("scheduling-service", path).getHeader(PraxisHeaders.REQUEST_ID)).isEqualTo(answered);
        }
    }

    @Test
    void putsTheRequestIdOnGatewayErrorsToo() {
        gateway.get().uri("/api/v1/nothing-here").header(PraxisHeaders.REQUEST_ID, "trace-me-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(PraxisHeaders.REQUEST_ID, "trace-me-1")
                .expectBody().jsonPath("$.request_id").isEqualTo("trace-me-1");
        gateway.get().uri("/internal/x").header(PraxisHeaders.REQUEST_ID, "trace-me-2").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(PraxisHeaders.REQUEST_ID, "trace-me-2")
                .expectBody().jsonPath("$.request_id").isEqualTo("trace-me-2");
    }

    @Test
    void forwardsTheClientAddressFromATrustedProxyChain() {
        String path = "/api/v1/clients/" + UUID.randomUUID();
        WebTestClient viaProxies = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        // The client forged the first entry; 127.0.0.1 is a trusted proxy; 203.0.113.9 is who connected to it.
        viaProxies.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(PraxisHeaders.FORWARDED_FOR, "6.6.6.6, 203.0.113.9, 127.0.0.1").exchange()
                .expectStatus().isOk();

        assertThat(receivedBy("scheduling-service", path).getHeader(PraxisHeaders.FORWARDED_FOR))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        String path = "/api/v1/clients/" + UUID.randomUUID();
        Clients.fromUntrustedPeer(port).get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(PraxisHeaders.FORWARDED_FOR, "203.0.113.9").exchange()
                .expectStatus().isOk();

        assertThat(receivedBy("scheduling-service", path).getHeader(PraxisHeaders.FORWARDED_FOR))
                .isEqualTo("127.0.0.2");
    }

    @Test
    void setsSecurityHeadersOnProxiedResponsesReplacingTheServices() {
        gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().values("X-Frame-Options", values -> assertThat(values).containsExactly("DENY"))
                .expectHeader().values("Content-Security-Policy", values -> assertThat(values)
                        .containsExactly("default-src 'none'; frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void setsSecurityHeadersOnGatewayAnswersAndLetsSwaggerUiRun() {
        for (String path : List.of("/", "/api/v1/clients", "/internal/x")) {
            gateway.get().uri(path).exchange()
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        gateway.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval"));
    }

    @Test
    void answersPreflightsForConfiguredOriginsOnly() {
        gateway.options().uri("/api/v1/clients")
                .header(HttpHeaders.ORIGIN, "https://app.praxis.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, x-request-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.praxis.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods)
                        .contains("PATCH"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        gateway.options().uri("/api/v1/clients")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.detail").isEqualTo("Origin not allowed").jsonPath("$.request_id").isNotEmpty();
    }

    @Test
    void refusesAMalformedOriginInTheErrorShape() {
        gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(HttpHeaders.ORIGIN, "http://x:abc").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("Origin not allowed");
    }

    @Test
    void tellsCachesThatAnswersDependOnTheOrigin() {
        gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void letsConfiguredOriginsReadResponses() {
        gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(HttpHeaders.ORIGIN, "https://app.praxis.test").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.praxis.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains(PraxisHeaders.REQUEST_ID));

        gateway.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(HttpHeaders.ORIGIN, "https://evil.example").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Origin not allowed");
    }

    private static LoggedRequest receivedBy(String service, String path) {
        List<LoggedRequest> requests = Upstreams.of(service).findAll(getRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
