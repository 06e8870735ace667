package dev.praxis.gateway.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

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
    void aggregatesTheHealthOfEveryServiceAndStaysAvailableWhenOneIsDown() {
        List<Runnable> cleanUp = new ArrayList<>();
        for (String service : Upstreams.SERVICES) {
            WireMockServer upstream = Upstreams.of(service);
            ResponseDefinitionBuilder health = switch (service) {
                case "audit-service" -> aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"DOWN\"}");
                // Slower than the health timeout (1 s in the test profile): down as well.
                case "lab-service" -> okJson("{\"status\":\"UP\"}").withFixedDelay(1500);
                default -> okJson("{\"status\":\"UP\"}");
            };
            StubMapping stub = upstream.stubFor(get(urlEqualTo("/actuator/health")).willReturn(health));
            cleanUp.add(() -> upstream.removeStub(stub));
        }
        try {
            Clients.fromNewAddress(port).get().uri("/health").exchange()
                    .expectStatus().isOk()
                    .expectBody().json("""
                            {"status": "degraded", "services": {
                              "auth-service": "up", "scheduling-service": "up", "clinical-notes-service": "up",
                              "lab-service": "down", "billing-service": "up", "audit-service": "down",
                              "storage-service": "absent"}}""", true);
        } finally {
            cleanUp.forEach(Runnable::run);
        }
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
        Clients.fromNewAddress(port).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        Clients.fromNewAddress(port).get().uri("/actuator/info").exchange().expectStatus().isNotFound();
    }
}
