package dev.praxis.gateway.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the gateway answers itself: the welcome document, its own health, and the health of the suite. */
@GatewayTest
class SystemEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void answersTheCelumaWelcomeDocument() {
        Clients.fromNewAddress(port).get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("""
                        {"message": "Welcome to Celuma API", "version": "1.0.0", "features": [
                          "Multi-tenant support", "Laboratory management", "Patient management", "Sample tracking",
                          "Report generation", "Billing system", "Audit logging"]}""", true);
    }

    @Test
    void answersApiHealth() {
        Clients.fromNewAddress(port).get().uri("/api/v1/health").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\": \"ok\"}", true);
    }

    @Test
    void answersHeadLikeGetWithoutABody() {
        for (String path : List.of("/", "/api/v1/health", "/health")) {
            Clients.fromNewAddress(port).head().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType(MediaType.APPLICATION_JSON)
                    .expectBody().isEmpty();
        }
        // Other methods are not answered by these routes, a valid token notwithstanding.
        Clients.fromNewAddress(port).delete().uri("/api/v1/health")
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(Clients.newUserToken())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aggregatesTheHealthOfEveryServiceAndStaysAvailableWhenOneIsDown() {
        List<Runnable> cleanUp = new ArrayList<>();
        for (String service : Upstreams.SERVICES) {
            WireMockServer upstream = Upstreams.of(service);
            ResponseDefinitionBuilder health = switch (service) {
                case "audit-service" -> aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"DOWN\"}");
                // Slower than the health timeout (2 s in the test profile): down as well.
                case "lab-service" -> okJson("{\"status\":\"UP\"}").withFixedDelay(3000);
                default -> okJson("{\"status\":\"UP\"}");
            };
            StubMapping stub = upstream.stubFor(get(urlEqualTo("/actuator/health")).willReturn(health));
            cleanUp.add(() -> upstream.removeStub(stub));
        }
        try {
            // A round of checks from before these stubs may still answer for up to cache-for (1 s in the test profile).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Clients.fromNewAddress(port).get().uri("/health")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().json("""
                            {"status": "degraded", "services": {
                              "auth-service": "up", "scheduling-service": "up", "clinical-notes-service": "up",
                              "lab-service": "down", "billing-service": "up", "audit-service": "down",
                              "storage-service": "absent"}}""", true));
        } finally {
            cleanUp.forEach(Runnable::run);
        }
    }

    @Test
    void oneRoundOfChecksAnswersEveryCallerWithinTheCacheWindow() {
        WireMockServer scheduling = Upstreams.of("scheduling-service");
        StubMapping stub = scheduling.stubFor(get(urlEqualTo("/actuator/health"))
                .willReturn(okJson("{\"status\":\"UP\"}").withFixedDelay(200)));
        try {
            int before = healthChecksOf(scheduling);
            WebClient gateway = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .defaultHeader(PraxisHeaders.FORWARDED_FOR, Clients.newAddress()).build();
            List<Mono<String>> callers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                callers.add(gateway.get().uri("/health").retrieve().bodyToMono(String.class));
            }
            List<String> answers = Flux.merge(callers).collectList().block(Duration.ofSeconds(10));

            assertThat(answers).hasSize(10)
                    .allSatisfy(body -> assertThat(body).contains("\"scheduling-service\":\"up\""));
            // Ten concurrent callers, one check of the service (two if a round expired just as they arrived).
            assertThat(healthChecksOf(scheduling) - before).isBetween(0, 2);
        } finally {
            scheduling.removeStub(stub);
        }
    }

    private static int healthChecksOf(WireMockServer service) {
        return service.findAll(getRequestedFor(urlEqualTo("/actuator/health"))).size();
    }

    @Test
    void isOkOnlyWhenEveryServiceIsUp() {
        assertThat(SystemEndpoints.overall(Map.of("a", "up", "b", "up"))).isEqualTo("ok");
        assertThat(SystemEndpoints.overall(Map.of("a", "up", "b", "absent"))).isEqualTo("degraded");
        assertThat(SystemEndpoints.overall(Map.of("a", "down"))).isEqualTo("degraded");
    }

    @Test
    void answersItsOwnProbesOnly() {
        Clients.fromNewAddress(port).get().uri("/actuator/health").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        // Ready once the revocations are loaded (the first load fails on purpose, Upstreams): this class may run first.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Clients.fromNewAddress(port).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        Clients.fromNewAddress(port).get().uri("/actuator/info").exchange().expectStatus().isNotFound();
    }
}
