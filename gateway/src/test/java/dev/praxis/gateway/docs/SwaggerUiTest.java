package dev.praxis.gateway.docs;

import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /docs} is Swagger UI over every service's OpenAPI document, each fetched through the gateway. */
@GatewayTest
class SwaggerUiTest {

    @LocalServerPort
    int port;

    @Test
    void servesSwaggerUiAtDocs() {
        WebTestClient gateway = Clients.fromNewAddress(port);
        String location = gateway.get().uri("/docs").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        gateway.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui-bundle.js"));
    }

    @Test
    void listsEveryServicesDocumentThroughTheGateway() {
        WebTestClient.BodyContentSpec config = Clients.fromNewAddress(port).get().uri("/v3/api-docs/swagger-config")
                .exchange().expectStatus().isOk().expectBody();
        for (String service : Upstreams.SERVICES) {
            config.jsonPath("$.urls[?(@.name == '%s')].url".formatted(service)).isEqualTo("/openapi/" + service);
        }
        config.jsonPath("$.urls.length()").isEqualTo(Upstreams.SERVICES.size());
    }

    @Test
    void ignoresForwardedHostsWhenBuildingItsUrls() {
        Clients.fromNewAddress(port).get().uri("/v3/api-docs/swagger-config")
                .header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(config -> assertThat(config).doesNotContain("evil.example"));
    }
}
