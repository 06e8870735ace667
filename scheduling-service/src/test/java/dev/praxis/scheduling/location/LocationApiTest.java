package dev.praxis.scheduling.location;

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
class LocationApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    TestUser practitioner;
    Scheduling scheduling;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        practitioner = TestUser.inNewTenant(Role.PRACTITIONER);
        scheduling = Scheduling.as(port, practitioner);
        http = scheduling.http();
    }

    @Test
    void createAnswers201WithEveryField() {
        Response response = http.post("/api/v1/locations", Map.of("name", "Main Clinic", "location_type", "clinic",
                "address", "123 Therapy Lane, Suite 200, Toronto, ON M5H 2N2",
                "details", "Ground floor, free parking in back", "is_active", true));

        assertThat(response.status()).isEqualTo(201);
        JsonNode location = response.json();
        assertThat(location.get("workspace_id").asString()).isEqualTo(practitioner.tenantId().toString());
        assertThat(location.get("name").asString()).isEqualTo("Main Clinic");
        assertThat(location.get("location_type").asString()).isEqualTo("clinic");
        assertThat(location.get("address").asString()).startsWith("123 Therapy Lane");
        assertThat(location.get("details").asString()).startsWith("Ground floor");
        assertThat(location.get("is_active").asBoolean()).isTrue();
        assertThat(location.get("updated_at").asString()).endsWith("Z");
        assertThat(http.get("/api/v1/locations/" + location.get("id").asString()).body()).isEqualTo(response.body());
    }

    @Test
    void clinicAndHomeNeedAnAddressOnlineDoesNot() {
        for (String type : List.of("clinic", "home")) {
            Response missing = http.post("/api/v1/locations", Map.of("name", type + " place", "location_type", type));
            assertThat(loc(missing)).as(type).isEqualTo("[\"body\",\"address\"]");
            assertThat(loc(http.post("/api/v1/locations", Map.of("name", type, "location_type", type, "address", "  "))))
                    .as(type + " with a blank address").isEqualTo("[\"body\",\"address\"]");
            assertThat(loc(http.post("/api/v1/locations", Map.of("name", type, "location_type", type,
                    "address", "\u00a0\u200b")))).as(type + " with an invisible address")
                    .isEqualTo("[\"body\",\"address\"]");
        }
        String online = Scheduling.created(http.post("/api/v1/locations", Map.of("name", "Zoom", "location_type", "online")));

        assertThat(loc(http.put("/api/v1/locations/" + online, Map.of("location_type", "home"))))
                .as("becoming a home visit without an address").isEqualTo("[\"body\",\"address\"]");
        assertThat(http.put("/api/v1/locations/" + online, Map.of("location_type", "home", "address", "1 Main St"))
                .status()).isEqualTo(200);
        assertThat(loc(http.put("/api/v1/locations/" + online, "{\"address\": null}"))).isEqualTo("[\"body\",\"address\"]");
        assertThat(http.get("/api/v1/locations/" + online).json().get("address").asString()).isEqualTo("1 Main St");
        assertThat(loc(http.post("/api/v1/locations", Map.of("name", "Moon", "location_type", "moon"))))
                .isEqualTo("[\"body\",\"location_type\"]");
        assertThat(loc(http.post("/api/v1/locations", Map.of("location_type", "online")))).isEqualTo("[\"body\",\"name\"]");
    }

    @Test
    void namesAreUniquePerWorkspaceIgnoringCase() {
        scheduling.location("Main Clinic", "clinic", "1 Main St");
        String annex = scheduling.location("Annex", "clinic", "2 Main St");

        Response duplicate = http.post("/api/v1/locations", Map.of("name", "MAIN clinic", "location_type", "online"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.detail().asString()).isEqualTo("A location with this name already exists");
        assertThat(http.put("/api/v1/locations/" + annex, Map.of("name", "main clinic")).status()).isEqualTo(409);
    }

    @Test
    void listFiltersOnIsActiveAndLocationType() {
        scheduling.location("Clinic B", "clinic", "1 Main St");
        scheduling.location("Clinic A", "clinic", "2 Main St");
        scheduling.location("Video", "online", null);
        Scheduling.created(http.post("/api/v1/locations", Map.of("name", "Old Home", "location_type", "home",
                "address", "3 Main St", "is_active", false)));

        assertThat(names(http.get("/api/v1/locations").json())).containsExactly("Clinic A", "Clinic B", "Video");
        assertThat(names(http.get("/api/v1/locations?location_type=clinic").json())).containsExactly("Clinic A", "Clinic B");
        assertThat(names(http.get("/api/v1/locations?is_active=false").json())).containsExactly("Old Home");
        assertThat(names(http.get("/api/v1/locations?is_active=false&location_type=online").json())).isEmpty();
        assertThat(loc(http.get("/api/v1/locations?location_type=office"))).isEqualTo("[\"query\",\"location_type\"]");
    }

    @Test
    void updateIsPartial() {
        String id = Scheduling.created(http.post("/api/v1/locations", Map.of("name", "Studio", "location_type", "clinic",
                "address", "1 Main St", "details", "Ring twice")));

        JsonNode updated = http.put("/api/v1/locations/" + id, "{\"details\": null, \"name\": \"Studio 2\"}").json();

        assertThat(updated.get("name").asString()).isEqualTo("Studio 2");
        assertThat(updated.get("address").asString()).isEqualTo("1 Main St");
        assertThat(updated.get("details").isNull()).isTrue();
        assertThat(updated.get("location_type").asString()).isEqualTo("clinic");
    }

    @Test
    void deleteIsHardWhenUnusedAndSoftWhenAppointmentsReferenceIt() {
        String unused = scheduling.location("Unused", "online", null);
        String used = scheduling.location("Used", "clinic", "1 Main St");
        Map<String, Object> booking = Scheduling.appointmentBody(scheduling.client("Jane", "Roe"),
                Instant.parse("2025-10-01T10:00:00Z"), Instant.parse("2025-10-01T11:00:00Z"), "scheduled");
        booking.put("location_id", used);
        String appointment = Scheduling.created(http.post("/api/v1/appointments", booking));

        assertThat(http.delete("/api/v1/locations/" + unused).status()).isEqualTo(204);
        assertThat(http.delete("/api/v1/locations/" + used).status()).isEqualTo(204);

        assertThat(jdbc.queryForObject("select count(*) from location where id = ?::uuid", Integer.class, unused)).isZero();
        assertThat(jdbc.queryForMap("select is_active, deleted_at is not null as deleted from location where id = ?::uuid", used))
                .containsEntry("is_active", false).containsEntry("deleted", true);
        assertThat(http.get("/api/v1/locations/" + used).status()).isEqualTo(404);
        assertThat(names(http.get("/api/v1/locations?is_active=false").json())).isEmpty();
        assertThat(http.get("/api/v1/appointments/" + appointment).json().get("location_id").asString()).isEqualTo(used);
        Map<String, Object> again = new LinkedHashMap<>(booking);
        again.put("scheduled_start", "2025-10-02T10:00:00Z");
        again.put("scheduled_end", "2025-10-02T11:00:00Z");
        assertThat(http.post("/api/v1/appointments", again).status()).isEqualTo(404);
    }

    @Test
    void absentLocationIs404() {
        String absent = UUID.randomUUID().toString();
        assertThat(http.get("/api/v1/locations/" + absent).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/locations/" + absent, Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/locations/" + absent).status()).isEqualTo(404);
    }

    static List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(l -> l.get("name").asString()).toList();
    }

    static String loc(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.detail().get(0).get("loc").toString();
    }
}
