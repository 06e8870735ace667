package dev.praxis.scheduling.web;

import dev.praxis.contracts.security.Role;
import dev.praxis.scheduling.Scheduling;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md section 3, Tenancy: another workspace's records are 404 by path, by filter and by reference in a body. */
@PraxisServiceTest
class TenantIsolationTest {

    static final Instant START = Instant.parse("2025-10-01T10:00:00Z");
    static final Instant END = Instant.parse("2025-10-01T11:00:00Z");

    @LocalServerPort
    int port;

    HttpTestClient owner;
    HttpTestClient stranger;
    String client;
    String service;
    String location;
    String appointment;
    Map<String, String> before;

    @BeforeEach
    void setUp() {
        Scheduling mine = Scheduling.as(port, TestUser.inNewTenant(Role.ADMIN));
        owner = mine.http();
        stranger = HttpTestClient.onPort(port).as(TestUser.inNewTenant(Role.ADMIN));
        client = mine.client("Jane", "Roe");
        service = mine.service("Massage");
        location = mine.location("Clinic", "clinic", "1 Main St");
        Map<String, Object> body = Scheduling.appointmentBody(client, START, END, "scheduled");
        body.put("service_id", service);
        body.put("location_id", location);
        appointment = Scheduling.created(owner.post("/api/v1/appointments", body));
        before = snapshot();
    }

    @Test
    void recordsAddressedByPathAre404() {
        for (String path : List.of("/api/v1/clients/" + client, "/api/v1/services/" + service,
                "/api/v1/locations/" + location, "/api/v1/appointments/" + appointment)) {
            assertNotFound(stranger.get(path), "GET " + path);
            assertNotFound(stranger.put(path, Map.of("name", "Mine now", "first_name", "Mine", "notes", "mine")), "PUT " + path);
            assertNotFound(stranger.delete(path), "DELETE " + path);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void recordsReferencedInABodyAre404() {
        Scheduling theirs = Scheduling.as(port, TestUser.inNewTenant(Role.ADMIN));
        String theirClient = theirs.client("Own", "Client");
        String theirAppointment = theirs.appointment(theirClient, START, END);
        HttpTestClient http = theirs.http();

        assertNotFound(theirs.book(client, START, END), "someone else's client");
        Map<String, Object> body = Scheduling.appointmentBody(theirClient, START.plusSeconds(7200), END.plusSeconds(7200), "scheduled");
        body.put("service_id", service);
        assertNotFound(http.post("/api/v1/appointments", body), "someone else's service");
        body.remove("service_id");
        body.put("location_id", location);
        assertNotFound(http.post("/api/v1/appointments", body), "someone else's location");
        for (String field : List.of("client_id", "service_id", "location_id")) {
            String foreign = Map.of("client_id", client, "service_id", service, "location_id", location).get(field);
            assertNotFound(http.put("/api/v1/appointments/" + theirAppointment, Map.of(field, foreign)), "PUT " + field);
        }
        assertThat(http.get("/api/v1/appointments/" + theirAppointment).json().get("client_id").asString())
                .isEqualTo(theirClient);
    }

    @Test
    void recordsNamedInAFilterAre404AndListsShowOnlyTheCallersWorkspace() {
        assertNotFound(stranger.get("/api/v1/appointments?client_id=" + client), "client filter");
        assertNotFound(stranger.get("/api/v1/appointments/conflicts?scheduled_start=" + START + "&scheduled_end=" + END
                + "&exclude_appointment_id=" + appointment), "exclude_appointment_id");

        for (String list : List.of("/api/v1/clients", "/api/v1/services", "/api/v1/locations", "/api/v1/appointments",
                "/api/v1/appointments?start_date=" + START + "&end_date=" + END)) {
            Response response = stranger.get(list);
            assertThat(response.json().get("total").asInt()).as(list).isZero();
        }
        assertThat(stranger.get("/api/v1/appointments/conflicts?scheduled_start=" + START + "&scheduled_end=" + END)
                .json().get("has_conflict").asBoolean()).isFalse();
    }

    private Map<String, String> snapshot() {
        return Map.of("client", owner.get("/api/v1/clients/" + client).body(),
                "service", owner.get("/api/v1/services/" + service).body(),
                "location", owner.get("/api/v1/locations/" + location).body(),
                "appointment", owner.get("/api/v1/appointments/" + appointment).body());
    }

    private static void assertNotFound(Response response, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Jane").doesNotContain("Massage");
    }
}
