package dev.praxis.scheduling.appointment;

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
class AppointmentApiTest {

    static final Instant T10 = Instant.parse("2025-10-01T10:00:00Z");
    static final Instant T11 = Instant.parse("2025-10-01T11:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Scheduling scheduling;
    HttpTestClient http;
    TestUser assistant;
    String client;

    @BeforeEach
    void setUp() {
        assistant = TestUser.inNewTenant(Role.ASSISTANT);
        scheduling = Scheduling.as(port, assistant);
        http = scheduling.http();
        client = scheduling.client("John", "Doe");
    }

    @Test
    void createAnswers201WithEveryFieldOfTheRequest() {
        TestUser admin = assistant.colleague(Role.ADMIN);
        String service = Scheduling.as(port, admin).service("Deep Tissue Massage");
        String location = Scheduling.as(port, admin).location("Main Clinic", "clinic", "123 Therapy Lane");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client);
        body.put("service_id", service);
        body.put("location_id", location);
        body.put("scheduled_start", "2025-10-01T12:00:00+02:00");
        body.put("scheduled_end", "2025-10-01T11:00:00Z");
        body.put("location_type", "clinic");
        body.put("location_details", "Room 101");
        body.put("status", "scheduled");
        body.put("notes", "Initial consultation");

        Response response = http.post("/api/v1/appointments", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode appointment = response.json();
        assertThat(appointment.get("workspace_id").asString()).isEqualTo(assistant.tenantId().toString());
        assertThat(appointment.get("client_id").asString()).isEqualTo(client);
        assertThat(appointment.get("service_id").asString()).isEqualTo(service);
        assertThat(appointment.get("location_id").asString()).isEqualTo(location);
        assertThat(appointment.get("scheduled_start").asString()).isEqualTo("2025-10-01T10:00:00Z");
        assertThat(appointment.get("scheduled_end").asString()).isEqualTo("2025-10-01T11:00:00Z");
        assertThat(appointment.get("location_type").asString()).isEqualTo("clinic");
        assertThat(appointment.get("location_details").asString()).isEqualTo("Room 101");
        assertThat(appointment.get("status").asString()).isEqualTo("scheduled");
        assertThat(appointment.get("notes").asString()).isEqualTo("Initial consultation");
        assertThat(appointment.get("created_at").asString()).endsWith("Z");
        assertThat(appointment.get("updated_at").asString()).endsWith("Z");
        String id = appointment.get("id").asString();
        assertThat(http.get("/api/v1/appointments/" + id).body()).isEqualTo(response.body());
        Map<String, Object> row = jdbc.queryForMap("select notes, location_details from appointment where id = ?::uuid", id);
        assertThat(row.values()).allSatisfy(value -> assertThat((String) value).startsWith("v1:"));
        assertThat(row.toString()).doesNotContain("consultation").doesNotContain("Room");
    }

    @Test
    void statusDefaultsToScheduledAndReferencesAreOptional() {
        Map<String, Object> body = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        body.remove("status");

        JsonNode appointment = http.post("/api/v1/appointments", body).json();

        assertThat(appointment.get("status").asString()).isEqualTo("scheduled");
        assertThat(appointment.get("service_id").isNull()).isTrue();
        assertThat(appointment.get("location_id").isNull()).isTrue();
    }

    @Test
    void invalidBodiesAre422() {
        assertThat(loc(http.post("/api/v1/appointments", Scheduling.appointmentBody(client, T11, T10, "scheduled"))))
                .isEqualTo("[\"body\",\"scheduled_end\"]");
        assertThat(loc(http.post("/api/v1/appointments", Scheduling.appointmentBody(client, T10, T10, "scheduled"))))
                .as("empty interval").isEqualTo("[\"body\",\"scheduled_end\"]");
        Map<String, Object> belowAMicrosecond = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        belowAMicrosecond.put("scheduled_start", "2025-10-01T10:00:00.0000001Z");
        belowAMicrosecond.put("scheduled_end", "2025-10-01T10:00:00.0000009Z");
        assertThat(loc(http.post("/api/v1/appointments", belowAMicrosecond)))
                .as("empty once stored to the microsecond").isEqualTo("[\"body\",\"scheduled_end\"]");
        Map<String, Object> noOffset = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        noOffset.put("scheduled_start", "2025-10-01T10:00:00");
        assertThat(loc(http.post("/api/v1/appointments", noOffset))).isEqualTo("[\"body\",\"scheduled_start\"]");
        Map<String, Object> badStatus = Scheduling.appointmentBody(client, T10, T11, "postponed");
        Response status = http.post("/api/v1/appointments", badStatus);
        assertThat(loc(status)).isEqualTo("[\"body\",\"status\"]");
        assertThat(status.detail().get(0).get("msg").asString()).contains("scheduled, completed, cancelled, no_show");
        Map<String, Object> badType = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        badType.put("location_type", "moon");
        assertThat(loc(http.post("/api/v1/appointments", badType))).isEqualTo("[\"body\",\"location_type\"]");
        Map<String, Object> missing = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        missing.remove("client_id");
        assertThat(loc(http.post("/api/v1/appointments", missing))).isEqualTo("[\"body\",\"client_id\"]");
        assertThat(jdbc.queryForObject("select count(*) from appointment where tenant_id = ?", Integer.class,
                assistant.tenantId())).isZero();
    }

    @Test
    void absentReferencesAre404() {
        Map<String, Object> body = Scheduling.appointmentBody(UUID.randomUUID().toString(), T10, T11, "scheduled");
        assertThat(http.post("/api/v1/appointments", body).detail().asString()).isEqualTo("Client not found");
        body = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        body.put("service_id", UUID.randomUUID().toString());
        assertThat(http.post("/api/v1/appointments", body).detail().asString()).isEqualTo("Service not found");
        body.remove("service_id");
        body.put("location_id", UUID.randomUUID().toString());
        assertThat(http.post("/api/v1/appointments", body).detail().asString()).isEqualTo("Location not found");
        String absent = UUID.randomUUID().toString();
        assertThat(http.get("/api/v1/appointments/" + absent).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/appointments/" + absent, Map.of("notes", "x")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/appointments/" + absent).status()).isEqualTo(404);
    }

    @Test
    void updateIsPartialAndNullClears() {
        Map<String, Object> body = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        body.put("notes", "bring towel");
        body.put("location_details", "Room 2");
        String id = Scheduling.created(http.post("/api/v1/appointments", body));
        String otherClient = scheduling.client("Jane", "Roe");

        Response moved = http.put("/api/v1/appointments/" + id, Map.of("scheduled_end", "2025-10-01T11:30:00Z",
                "client_id", otherClient, "status", "completed"));
        Response cleared = http.put("/api/v1/appointments/" + id, "{\"notes\": null}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode appointment = cleared.json();
        assertThat(appointment.get("scheduled_start").asString()).isEqualTo("2025-10-01T10:00:00Z");
        assertThat(appointment.get("scheduled_end").asString()).isEqualTo("2025-10-01T11:30:00Z");
        assertThat(appointment.get("client_id").asString()).isEqualTo(otherClient);
        assertThat(appointment.get("status").asString()).isEqualTo("completed");
        assertThat(appointment.get("location_details").asString()).isEqualTo("Room 2");
        assertThat(appointment.get("notes").isNull()).isTrue();
        assertThat(http.get("/api/v1/appointments/" + id).body()).isEqualTo(cleared.body());
        assertThat(loc(http.put("/api/v1/appointments/" + id, Map.of("scheduled_end", "2025-10-01T09:00:00Z"))))
                .as("end before the kept start").isEqualTo("[\"body\",\"scheduled_end\"]");
        assertThat(http.put("/api/v1/appointments/" + id, Map.of("client_id", UUID.randomUUID().toString())).status())
                .isEqualTo(404);
        assertThat(loc(http.put("/api/v1/appointments/" + id, Map.of("client_id", ""))))
                .as("\"\" is no id, not null").isEqualTo("[\"body\",\"client_id\"]");
        assertThat(loc(http.put("/api/v1/appointments/" + id, Map.of("service_id", ""))))
                .as("nor where null clears").isEqualTo("[\"body\",\"service_id\"]");
        assertThat(http.get("/api/v1/appointments/" + id).json().get("client_id").asString()).isEqualTo(otherClient);
    }

    @Test
    void deleteRemovesTheAppointment() {
        String id = scheduling.appointment(client, T10, T11);

        assertThat(http.delete("/api/v1/appointments/" + id).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/appointments/" + id).status()).isEqualTo(404);
        assertThat(scheduling.book(client, T10, T11).status()).as("the slot is free again").isEqualTo(201);
    }

    @Test
    void aListedAppointmentIsExactlyWhatReadingItAloneAnswers() {
        TestUser admin = assistant.colleague(Role.ADMIN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", client);
        body.put("service_id", Scheduling.as(port, admin).service("Massage"));
        body.put("location_id", Scheduling.as(port, admin).location("Main Clinic", "clinic", "123 Therapy Lane"));
        body.put("scheduled_start", "2025-10-01T10:00:00.250Z");
        body.put("scheduled_end", "2025-10-01T11:00:00Z");
        body.put("location_type", "home");
        body.put("location_details", "Flat 4, ring twice");
        body.put("status", "completed");
        body.put("notes", "Bring the heat pack");
        String id = http.post("/api/v1/appointments", body).json().get("id").asString();

        JsonNode listed = http.get("/api/v1/appointments?start_date=2025-10-01T00:00:00Z&end_date=2025-10-02T00:00:00Z")
                .json().get("items").get(0);

        assertThat(listed).isEqualTo(http.get("/api/v1/appointments/" + id).json());
        assertThat(listed.get("notes").asString()).isEqualTo("Bring the heat pack");
        assertThat(listed.get("location_details").asString()).isEqualTo("Flat 4, ring twice");
        assertThat(listed.get("scheduled_start").asString()).isEqualTo("2025-10-01T10:00:00.250Z");
    }

    @Test
    void calendarWindowReturnsEveryAppointmentOverlappingItInStartOrder() {
        String before = scheduling.appointment(client, at("09:00"), at("10:00"));
        String overlapsStart = scheduling.appointment(client, at("10:30"), at("11:30"), "cancelled");
        String inside = scheduling.appointment(client, at("12:00"), at("13:00"));
        String overlapsEnd = scheduling.appointment(client, at("13:30"), at("14:30"), "no_show");
        String after = scheduling.appointment(client, at("14:00"), at("15:00"));
        String window = "start_date=" + at("11:00") + "&end_date=" + at("14:00");

        JsonNode page = http.get("/api/v1/appointments?" + window).json();

        assertThat(ids(page)).containsExactly(overlapsStart, inside, overlapsEnd);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(ids(http.get("/api/v1/appointments?start_date=" + at("13:00")).json()))
                .containsExactly(overlapsEnd, after);
        assertThat(ids(http.get("/api/v1/appointments?end_date=" + at("10:00")).json())).containsExactly(before);
        assertThat(ids(http.get("/api/v1/appointments?" + window + "&status=no_show").json())).containsExactly(overlapsEnd);
        assertThat(ids(http.get("/api/v1/appointments?page_size=2&page=3").json())).containsExactly(after);
        assertThat(http.get("/api/v1/appointments?start_date=2025-10-01T13:00:00%2B02:00").json().get("total").asInt())
                .as("offsets are honoured: 11:00Z").isEqualTo(4);
    }

    @Test
    void everyPageTellsTheSameTotal() {
        for (int hour = 9; hour < 14; hour++) {
            scheduling.appointment(client, at("%02d:00".formatted(hour)), at("%02d:30".formatted(hour)));
        }
        String window = "start_date=" + at("09:00") + "&end_date=" + at("18:00");

        for (String pageQuery : List.of("page_size=2&page=1", "page_size=2&page=2", "page_size=2&page=3",
                "page_size=2&page=4", "page_size=5&page=1", "page_size=5&page=2", "page_size=10&page=1",
                "page_size=10&page=2")) {
            JsonNode page = http.get("/api/v1/appointments?" + window + "&" + pageQuery).json();
            assertThat(page.get("total").asInt()).as(pageQuery).isEqualTo(5);
            assertThat(page.get("total_pages").asInt()).as(pageQuery)
                    .isEqualTo((5 + page.get("page_size").asInt() - 1) / page.get("page_size").asInt());
        }
        assertThat(http.get("/api/v1/appointments?start_date=" + at("18:00") + "&end_date=" + at("19:00")).json()
                .get("total").asInt()).as("an empty first page").isZero();
    }

    @Test
    void listFiltersByClientAndStatus() {
        String other = scheduling.client("Jane", "Roe");
        String mine = scheduling.appointment(client, at("09:00"), at("10:00"));
        String cancelled = scheduling.appointment(client, at("10:00"), at("11:00"), "cancelled");
        scheduling.appointment(other, at("11:00"), at("12:00"));

        assertThat(ids(http.get("/api/v1/appointments?client_id=" + client).json())).containsExactly(mine, cancelled);
        assertThat(ids(http.get("/api/v1/appointments?status=cancelled").json())).containsExactly(cancelled);
        assertThat(ids(http.get("/api/v1/appointments?client_id=" + client + "&status=scheduled").json()))
                .containsExactly(mine);
        assertThat(http.get("/api/v1/appointments").json().get("total").asInt()).isEqualTo(3);
        assertThat(http.get("/api/v1/appointments?client_id=" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void invalidQueryParametersAre422() {
        assertThat(loc(http.get("/api/v1/appointments?start_date=2025-10-01T10:00:00"))).isEqualTo("[\"query\",\"start_date\"]");
        assertThat(loc(http.get("/api/v1/appointments?end_date=2025-10-01"))).isEqualTo("[\"query\",\"end_date\"]");
        assertThat(loc(http.get("/api/v1/appointments?start_date=" + at("11:00") + "&end_date=" + at("10:00"))))
                .isEqualTo("[\"query\",\"end_date\"]");
        assertThat(loc(http.get("/api/v1/appointments?status=postponed"))).isEqualTo("[\"query\",\"status\"]");
        assertThat(loc(http.get("/api/v1/appointments?client_id=nope"))).isEqualTo("[\"query\",\"client_id\"]");
        assertThat(loc(http.get("/api/v1/appointments?page_size=0"))).isEqualTo("[\"query\",\"page_size\"]");
        // Empty is not "no filter": a client that lost its client id must not get the whole calendar.
        assertThat(loc(http.get("/api/v1/appointments?client_id="))).isEqualTo("[\"query\",\"client_id\"]");
        assertThat(loc(http.get("/api/v1/appointments?status="))).isEqualTo("[\"query\",\"status\"]");
        assertThat(loc(http.get("/api/v1/appointments?status=%00"))).isEqualTo("[\"query\",\"status\"]");
        assertThat(loc(http.get("/api/v1/appointments?start_date="))).isEqualTo("[\"query\",\"start_date\"]");
        assertThat(loc(http.get("/api/v1/appointments?page="))).isEqualTo("[\"query\",\"page\"]");
        assertThat(loc(http.get("/api/v1/appointments?client_id=%E2%80%83"))).isEqualTo("[\"query\",\"client_id\"]");
        Response emptyStart = http.get("/api/v1/appointments/conflicts?scheduled_start=&scheduled_end=" + at("10:00"));
        assertThat(loc(emptyStart)).isEqualTo("[\"query\",\"scheduled_start\"]");
        assertThat(emptyStart.detail().get(0).get("type").asString()).as("not 'missing'").isEqualTo("type_error");
    }

    @Test
    void conflictCheckShowsBlockingAppointmentsWithClientInitialsOnly() {
        String blocking = scheduling.appointment(client, at("10:00"), at("11:00"));
        scheduling.appointment(client, at("10:00"), at("11:00"), "cancelled");
        String slot = "scheduled_start=" + at("10:30") + "&scheduled_end=" + at("11:30");

        Response response = http.get("/api/v1/appointments/conflicts?" + slot);

        assertThat(response.status()).isEqualTo(200);
        JsonNode check = response.json();
        assertThat(check.get("has_conflict").asBoolean()).isTrue();
        assertThat(check.get("conflicting_appointments")).hasSize(1);
        JsonNode conflict = check.get("conflicting_appointments").get(0);
        assertThat(conflict.get("id").asString()).isEqualTo(blocking);
        assertThat(conflict.get("scheduled_start").asString()).isEqualTo(at("10:00").toString());
        assertThat(conflict.get("scheduled_end").asString()).isEqualTo(at("11:00").toString());
        assertThat(conflict.get("status").asString()).isEqualTo("scheduled");
        assertThat(conflict.get("client_initials").asString()).isEqualTo("J.D.");
        assertThat(response.body()).doesNotContain("John").doesNotContain("Doe");

        JsonNode excluded = http.get("/api/v1/appointments/conflicts?" + slot + "&exclude_appointment_id=" + blocking).json();
        assertThat(excluded.get("has_conflict").asBoolean()).isFalse();
        assertThat(excluded.get("conflicting_appointments")).isEmpty();
        JsonNode backToBack = http.get("/api/v1/appointments/conflicts?scheduled_start=" + at("11:00")
                + "&scheduled_end=" + at("12:00")).json();
        assertThat(backToBack.get("has_conflict").asBoolean()).isFalse();
    }

    @Test
    void anArchivedClientsCancelledAppointmentIsNotBookedAgain() {
        String leaving = scheduling.client("Leaving", "Client");
        Instant start = Instant.parse("2031-03-03T10:00:00Z");
        String id = http.post("/api/v1/appointments", Scheduling.appointmentBody(leaving, start, start.plusSeconds(3600),
                "scheduled")).json().get("id").asString();
        Instant past = Instant.parse("2024-03-03T10:00:00Z");
        String held = http.post("/api/v1/appointments", Scheduling.appointmentBody(leaving, past, past.plusSeconds(3600),
                "scheduled")).json().get("id").asString();
        assertThat(http.delete("/api/v1/clients/" + leaving).status()).isEqualTo(204);
        Response completed = http.put("/api/v1/appointments/" + held, Map.of("status", "completed",
                "scheduled_end", past.plusSeconds(2700).toString()));
        assertThat(completed.status()).as("a past session is still completed and corrected: " + completed).isEqualTo(200);
        assertThat(http.get("/api/v1/appointments/" + id).json().get("status").asString()).isEqualTo("cancelled");

        Response rebooked = http.put("/api/v1/appointments/" + id, Map.of("status", "scheduled"));
        assertThat(rebooked.status()).as(rebooked.toString()).isEqualTo(404);
        assertThat(http.get("/api/v1/appointments/" + id).json().get("status").asString()).isEqualTo("cancelled");

        assertThat(http.put("/api/v1/appointments/" + id, Map.of("notes", "client moved away")).status())
                .as("a note on it is no booking").isEqualTo(200);
    }

    @Test
    void timesOffTheCalendarAre422() {
        Map<String, Object> farFuture = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        farFuture.put("scheduled_start", "+1000000000-12-31T00:00:00Z");
        farFuture.put("scheduled_end", "+1000000000-12-31T01:00:00Z");
        assertThat(loc(http.post("/api/v1/appointments", farFuture))).isEqualTo("[\"body\",\"scheduled_start\"]");
        Map<String, Object> beforeGregorian = Scheduling.appointmentBody(client, T10, T11, "scheduled");
        beforeGregorian.put("scheduled_start", "1500-03-01T00:00:00Z");
        beforeGregorian.put("scheduled_end", "1500-03-01T01:00:00Z");
        assertThat(loc(http.post("/api/v1/appointments", beforeGregorian))).isEqualTo("[\"body\",\"scheduled_start\"]");

        String id = http.post("/api/v1/appointments", Scheduling.appointmentBody(client, T10, T11, "scheduled")).json()
                .get("id").asString();
        assertThat(loc(http.put("/api/v1/appointments/" + id, Map.of("scheduled_end", "+1000000000-12-31T23:59:59Z"))))
                .isEqualTo("[\"body\",\"scheduled_end\"]");
        assertThat(http.get("/api/v1/appointments/" + id).json().get("scheduled_end").asString()).isEqualTo(T11.toString());
    }

    @Test
    void conflictCheckValidatesItsParameters() {
        assertThat(loc(http.get("/api/v1/appointments/conflicts?scheduled_start=" + at("10:00"))))
                .isEqualTo("[\"query\",\"scheduled_end\"]");
        assertThat(loc(http.get("/api/v1/appointments/conflicts?scheduled_start=2025-10-01T10:00:00&scheduled_end="
                + at("11:00")))).isEqualTo("[\"query\",\"scheduled_start\"]");
        assertThat(loc(http.get("/api/v1/appointments/conflicts?scheduled_start=" + at("11:00") + "&scheduled_end="
                + at("10:00")))).isEqualTo("[\"query\",\"scheduled_end\"]");
        assertThat(http.get("/api/v1/appointments/conflicts?scheduled_start=" + at("10:00") + "&scheduled_end="
                + at("11:00") + "&exclude_appointment_id=" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(loc(http.get("/api/v1/appointments/conflicts?scheduled_start=%2B999999-01-01T10:30:00Z"
                + "&scheduled_end=%2B999999-01-02T10:30:00Z"))).as("beyond the database's years").isEqualTo("[\"query\"]");
    }

    static Instant at(String time) {
        return Instant.parse("2025-10-01T" + time + ":00Z");
    }

    static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(a -> a.get("id").asString()).toList();
    }

    static String loc(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.detail().get(0).get("loc").toString();
    }
}
