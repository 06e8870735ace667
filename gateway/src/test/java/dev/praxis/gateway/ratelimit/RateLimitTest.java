package dev.praxis.gateway.ratelimit;

import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import dev.praxis.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each limit lets its capacity through and then answers 429 with {@code Retry-After} and the error body; limits are
 * per client address, user or session, never shared. (Per-user and per-IP budgets are 40/min in the test profile.)
 */
@GatewayTest
class RateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void limitsMagicLinkRequestsToThreePerHourPerAddress() {
        WebTestClient client = Clients.fromNewAddress(port);
        assertLimited(client, HttpMethod.POST, "/api/v1/auth/request-magic-link", null, 3, Duration.ofHours(1));

        Clients.fromNewAddress(port).post().uri("/api/v1/auth/request-magic-link").exchange().expectStatus().isOk();
    }

    @Test
    void limitsLoginsToTenPerMinutePerAddress() {
        assertLimited(Clients.fromNewAddress(port), HttpMethod.POST, "/api/v1/auth/login/", null, 10,
                Duration.ofMinutes(1));
    }

    @Test
    void countsAPercentEncodedPathAgainstTheEndpointItNames() {
        WebTestClient client = Clients.fromNewAddress(port);
        URI encoded = URI.create("http://127.0.0.1:" + port + "/api/v1/auth/logi%6E");
        for (int i = 0; i < 10; i++) {
            client.post().uri(encoded).exchange().expectStatus().isOk();
        }

        client.post().uri("/api/v1/auth/login").exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void limitsTenantSignUpsPerAddress() {
        assertLimited(Clients.fromNewAddress(port), HttpMethod.POST, "/api/v1/tenants/", null, 5, Duration.ofHours(1));
    }

    @Test
    void limitsDraftAutosaveToOnePerFiveSecondsPerSession() {
        WebTestClient client = Clients.fromNewAddress(port);
        UUID tenant = UUID.randomUUID();
        String token = TestJwts.token(UUID.randomUUID(), tenant, Role.PRACTITIONER);
        String draft = "/api/v1/sessions/" + UUID.randomUUID() + "/draft";

        assertLimited(client, HttpMethod.PATCH, draft, token, 1, Duration.ofSeconds(5));
        // Another session of the same user, and the same session id in another tenant, have buckets of their own.
        patch(client, "/api/v1/sessions/" + UUID.randomUUID() + "/draft", token).expectStatus().isOk();
        patch(client, draft, TestJwts.token(UUID.randomUUID(), UUID.randomUUID(), Role.PRACTITIONER))
                .expectStatus().isOk();
        // And the next autosave is welcome once the five seconds are over.
        await("next window").atMost(Duration.ofSeconds(7)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> patch(client, draft, token).expectStatus().isOk());
    }

    @Test
    void limitsEachUserToAGeneralBudget() {
        WebTestClient client = Clients.fromNewAddress(port);
        assertLimited(client, HttpMethod.GET, "/api/v1/clients", Clients.newUserToken(), 40, Duration.ofMinutes(1));

        // Same address, another user: not affected.
        client.get().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(Clients.newUserToken()))
                .exchange().expectStatus().isOk();
    }

    @Test
    void limitsAnonymousCallersPerAddress() {
        assertLimited(Clients.fromNewAddress(port), HttpMethod.GET, "/api/v1/health", null, 40, Duration.ofMinutes(1));

        Clients.fromNewAddress(port).get().uri("/api/v1/health").exchange().expectStatus().isOk();
    }

    @Test
    void refusesAnAddressAnswered401TooOftenBeforeLookingAtItsToken() {
        WebTestClient client = Clients.fromNewAddress(port);
        String signedIn = Clients.newUserToken();
        request(client, HttpMethod.GET, "/api/v1/clients", signedIn).expectStatus().isOk();
        for (int i = 0; i < 40; i++) {
            request(client, HttpMethod.GET, "/api/v1/clients", i % 2 == 0 ? null : "not-a-token")
                    .expectStatus().isUnauthorized();
        }
        // The 41st 401 (auth-failures: 40 per minute in the test profile) is the one over the limit.
        request(client, HttpMethod.GET, "/api/v1/clients", null).expectStatus().isUnauthorized();

        // From now on the address is refused, a valid token the gateway has not seen included, and the service never
        // sees the request.
        String requestId = "req-" + UUID.randomUUID();
        client.get().uri("/api/v1/clients").header(PraxisHeaders.REQUEST_ID, requestId)
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(Clients.newUserToken())).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().value(PraxisHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, 60L))
                .expectHeader().valueEquals(PraxisHeaders.REQUEST_ID, requestId)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Too many requests")
                .jsonPath("$.request_id").isEqualTo(requestId);
        assertThat(Upstreams.of("scheduling-service").findAll(getRequestedFor(urlPathEqualTo("/api/v1/clients"))
                .withHeader(PraxisHeaders.REQUEST_ID, equalTo(requestId)))).isEmpty();

        // Not refused: a caller whose token the gateway verified before, and sign-in (limited on its own).
        request(client, HttpMethod.GET, "/api/v1/clients", signedIn).expectStatus().isOk();
        request(client, HttpMethod.POST, "/api/v1/auth/login", null).expectStatus().isOk();
        // Another address is not affected.
        Clients.fromNewAddress(port).get().uri("/api/v1/clients")
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(Clients.newUserToken())).exchange()
                .expectStatus().isOk();
    }

    @Test
    void countsOnlyRequestsAnswered401AgainstAnAddress() {
        WebTestClient client = Clients.fromNewAddress(port);
        for (int i = 0; i < 45; i++) {
            request(client, HttpMethod.GET, "/api/v1/clients", Clients.newUserToken()).expectStatus().isOk();
        }
        // Had the 45 answers counted, this 401 would be over the limit and the next request refused.
        request(client, HttpMethod.GET, "/api/v1/clients", null).expectStatus().isUnauthorized();

        request(client, HttpMethod.GET, "/api/v1/clients", Clients.newUserToken()).expectStatus().isOk();
    }

    private void assertLimited(WebTestClient client, HttpMethod method, String path, String token, int capacity,
                               Duration period) {
        for (int i = 0; i < capacity; i++) {
            request(client, method, path, token).expectStatus().isOk();
        }
        request(client, method, path, token)
                .expectStatus().isEqualTo(429)
                .expectHeader().value(PraxisHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, period.toSeconds()))
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Too many requests")
                .jsonPath("$.request_id").isNotEmpty();
    }

    private static WebTestClient.ResponseSpec request(WebTestClient client, HttpMethod method, String path,
                                                      String token) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, Clients.bearer(token));
        }
        return request.exchange();
    }

    private static WebTestClient.ResponseSpec patch(WebTestClient client, String path, String token) {
        return request(client, HttpMethod.PATCH, path, token);
    }
}
