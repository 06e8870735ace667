package dev.praxis.gateway.edge;

import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway with a separate management port (MANAGEMENT_SERVER_PORT): the actuator, Prometheus included, answers
 * there without a token, and stays hidden on the public port. The one gateway test with a context of its own: the
 * shared {@code @GatewayTest} context serves its probes on the public port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ContextConfiguration(initializers = GatewayTestEnvironment.class)
@ActiveProfiles("test")
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void servesPrometheusAndProbesOnTheManagementPortWithoutAToken() {
        assertThat(managementPort).isNotEqualTo(port);
        String metrics = Clients.fromNewAddress(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes");

        // Ready once the revocations are loaded (the first load fails on purpose, Upstreams).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Clients.fromNewAddress(managementPort).get().uri("/actuator/health/readiness").exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP"));
    }

    @Test
    void neverRateLimitsTheManagementPort() {
        WebTestClient scraper = Clients.fromNewAddress(managementPort);
        // The test profile allows 40 requests a minute per client address.
        for (int i = 0; i < 45; i++) {
            scraper.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }

    @Test
    void routesNothingOnTheManagementPort() {
        assertNotFound(managementPort, "/api/v1/clients", "/health");
    }

    @Test
    void keepsTheActuatorHiddenOnThePublicPort() {
        Clients.fromNewAddress(port).get().uri("/actuator/prometheus")
                .header("Authorization", Clients.bearer(Clients.newUserToken())).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Not found");
        assertNotFound(port, "/actuator/env", "/actuator/health/readiness");
    }

    @Test
    void stillRequiresATokenForRoutesOnThePublicPort() {
        Clients.fromNewAddress(port).get().uri("/api/v1/clients").exchange()
                .expectStatus().isUnauthorized();
    }

    private static void assertNotFound(int port, String... paths) {
        for (String path : paths) {
            Clients.fromNewAddress(port).get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("Not found");
        }
    }
}
