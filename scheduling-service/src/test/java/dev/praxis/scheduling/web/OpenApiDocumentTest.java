package dev.praxis.scheduling.web;

import dev.praxis.test.HttpTestClient;
import dev.praxis.test.PraxisServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document (public) states, for every operation, which roles may call it. */
@PraxisServiceTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperationDocumentsItsRoles() {
        JsonNode document = HttpTestClient.onPort(port).get("/v3/api-docs").json();
        Map<String, String> descriptions = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                descriptions.put(operation.getKey().toUpperCase() + " " + path.getKey(),
                        operation.getValue().path("description").asString(""))));

        assertThat(descriptions).hasSize(21);
        assertThat(descriptions).allSatisfy((operation, description) ->
                assertThat(description).as(operation).contains("Roles: "));
        assertThat(descriptions.get("POST /api/v1/services")).contains(Roles.MANAGE_CATALOG_DOC);
        assertThat(descriptions.get("DELETE /api/v1/locations/{location_id}")).contains(Roles.MANAGE_CATALOG_DOC);
        assertThat(descriptions.get("PUT /api/v1/appointments/{appointment_id}")).contains(Roles.WRITE_DOC);
        assertThat(descriptions.get("GET /api/v1/clients/{client_id}")).contains(Roles.READ_DOC);
        assertThat(document.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
    }
}
