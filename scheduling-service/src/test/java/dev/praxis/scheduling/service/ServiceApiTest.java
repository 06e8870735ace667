package dev.praxis.scheduling.service;

import dev.praxis.contracts.security.Role;
import dev.praxis.scheduling.Scheduling;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PraxisServiceTest
class ServiceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    TestUser admin;
    Scheduling scheduling;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        admin = TestUser.inNewTenant(Role.ADMIN);
        scheduling = Scheduling.as(port, admin);
        http = scheduling.http();
    }

    @Test
    void createAnswers201WithEveryField() {
        Response response = http.post("/api/v1/services", Map.of("name", "Deep Tissue Massage",
                "description", "Therapeutic massage focusing on deeper muscle layers",
                "default_duration_minutes", 60, "is_active", true));

        assertThat(response.status()).isEqualTo(201);
        JsonNode service = response.json();
        assertThat(service.get("workspace_id").asString()).isEqualTo(admin.tenantId().toString());
        assertThat(service.get("name").asString()).isEqualTo("Deep Tissue Massage");
        assertThat(service.get("description").asString()).startsWith("Therapeutic");
        assertThat(service.get("default_duration_minutes").asInt()).isEqualTo(60);
        assertThat(service.get("is_active").asBoolean()).isTrue();
        assertThat(service.get("created_at").asString()).endsWith("Z");
        assertThat(http.get("/api/v1/services/" + service.get("id").asString()).body()).isEqualTo(response.body());
    }

    @Test
    void invalidServicesAre422() {
        assertThat(loc(http.post("/api/v1/services", Map.of("name", "A", "default_duration_minutes", 0))))
                .isEqualTo("[\"body\",\"default_duration_minutes\"]");
        assertThat(loc(http.post("/api/v1/services", Map.of("name", "A", "default_duration_minutes", 481))))
                .isEqualTo("[\"body\",\"default_duration_minutes\"]");
        assertThat(loc(http.post("/api/v1/services", Map.of("name", "A")))).isEqualTo("[\"body\",\"default_duration_minutes\"]");
        assertThat(loc(http.post("/api/v1/services", Map.of("name", " ", "default_duration_minutes", 30))))
                .isEqualTo("[\"body\",\"name\"]");
        assertThat(http.post("/api/v1/services", Map.of("name", "A", "default_duration_minutes", 480)).status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/services", Map.of("name", "B", "default_duration_minutes", 1)).status())
                .isEqualTo(201);
    }

    @Test
    void namesAreUniquePerWorkspaceIgnoringCase() {
        String massage = scheduling.service("Massage");
        String yoga = scheduling.service("Yoga");

        Response duplicate = http.post("/api/v1/services", Map.of("name", " massage ", "default_duration_minutes", 30));
        Response renamed = http.put("/api/v1/services/" + yoga, Map.of("name", "MASSAGE"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.detail().asString()).isEqualTo("A service with this name already exists");
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(http.put("/api/v1/services/" + massage, Map.of("name", "MASSAGE")).status())
                .as("renaming itself").isEqualTo(200);
        assertThat(Scheduling.as(port, TestUser.inNewTenant(Role.ADMIN)).http()
                .post("/api/v1/services", Map.of("name", "Massage", "default_duration_minutes", 30)).status())
                .as("another workspace").isEqualTo(201);
    }

    @Test
    void updateIsPartial() {
        String id = Scheduling.created(http.post("/api/v1/services", Map.of("name", "Reiki",
                "description", "Energy work", "default_duration_minutes", 45)));

        JsonNode updated = http.put("/api/v1/services/" + id, Map.of("default_duration_minutes", 90)).json();
        JsonNode cleared = http.put("/api/v1/services/" + id, "{\"description\": null, \"is_active\": false}").json();

        assertThat(updated.get("default_duration_minutes").asInt()).isEqualTo(90);
        assertThat(updated.get("description").asString()).isEqualTo("Energy work");
        assertThat(cleared.get("name").asString()).isEqualTo("Reiki");
        assertThat(cleared.get("description").isNull()).isTrue();
        assertThat(cleared.get("is_active").asBoolean()).isFalse();
        assertThat(loc(http.put("/api/v1/services/" + id, Map.of("default_duration_minutes", 500))))
                .isEqualTo("[\"body\",\"default_duration_minutes\"]");
    }

    @Test
    void listFiltersOnIsActiveDefaultingToTrue() {
        scheduling.service("Beta");
        scheduling.service("Alpha");
        Scheduling.created(http.post("/api/v1/services", Map.of("name", "Retired", "default_duration_minutes", 30,
                "is_active", false)));

        JsonNode active = http.get("/api/v1/services").json();

        assertThat(names(active)).containsExactly("Alpha", "Beta");
        assertThat(active.get("total").asInt()).isEqualTo(2);
        assertThat(names(http.get("/api/v1/services?is_active=false").json())).containsExactly("Retired");
        assertThat(names(http.get("/api/v1/services?is_active=true&page_size=1&page=2").json())).containsExactly("Beta");
        assertThat(loc(http.get("/api/v1/services?is_active=maybe"))).isEqualTo("[\"query\",\"is_active\"]");
    }

    @Test
    void deleteIsHardWhenUnusedAndSoftWhenAppointmentsReferenceIt() {
        String unused = scheduling.service("Unused");
        String used = scheduling.service("Used");
        String client = scheduling.client("Jane", "Roe");
        Map<String, Object> booking = Scheduling.appointmentBody(client, Instant.parse("2025-10-01T10:00:00Z"),
                Instant.parse("2025-10-01T11:00:00Z"), "scheduled");
        booking.put("service_id", used);
        String appointment = Scheduling.created(http.post("/api/v1/appointments", booking));

        assertThat(http.delete("/api/v1/services/" + unused).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/services/" + used).status()).isEqualTo(204);

        assertThat(jdbc.queryForObject("select count(*) from service where id = ?::uuid", Integer.class, unused)).isZero();
        assertThat(jdbc.queryForMap("select is_active, deleted_at is not null as deleted from service where id = ?::uuid", used))
                .containsEntry("is_active", false).containsEntry("deleted", true);
        assertThat(http.get("/api/v1/services/" + used).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/services/" + used).status()).isEqualTo(404);
        assertThat(names(http.get("/api/v1/services?is_active=false").json())).isEmpty();
        assertThat(http.get("/api/v1/appointments/" + appointment).json().get("service_id").asString()).isEqualTo(used);
        assertThat(http.put("/api/v1/appointments/" + appointment, Map.of("notes", "still fine")).status())
                .as("kept references stay valid").isEqualTo(200);
        Map<String, Object> newBooking = new LinkedHashMap<>(booking);
        newBooking.put("scheduled_start", "2025-10-02T10:00:00Z");
        newBooking.put("scheduled_end", "2025-10-02T11:00:00Z");
        assertThat(http.post("/api/v1/appointments", newBooking).status()).as("no new references").isEqualTo(404);
        assertThat(http.post("/api/v1/services", Map.of("name", "Used", "default_duration_minutes", 30)).status())
                .as("a deleted name is free again").isEqualTo(201);
    }

    @Test
    void absentServiceIs404() {
        String absent = UUID.randomUUID().toString();
        assertThat(http.get("/api/v1/services/" + absent).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/services/" + absent, Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/services/" + absent).status()).isEqualTo(404);
    }

    static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(s -> s.get("name").asString()).toList();
    }

    static String loc(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.detail().get(0).get("loc").toString();
    }
}
