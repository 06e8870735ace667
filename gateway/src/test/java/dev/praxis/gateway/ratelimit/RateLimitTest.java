package dev.praxis.gateway.ratelimit;

import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.test.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

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
