package dev.praxis.scheduling;

import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.TestUser;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduling API as one user of one tenant sees it: shortcuts that set up data over HTTP and insist on success. */
public final class Scheduling {

    private final HttpTestClient http;

    private Scheduling(HttpTestClient http) {
        this.http = http;
    }

    public static Scheduling as(int port, TestUser user) {
        return new Scheduling(HttpTestClient.onPort(port).as(user));
    }

    public HttpTestClient http() {
        return http;
    }

    public String client(String firstName, String lastName) {
        return created(http.post("/api/v1/clients", Map.of("first_name", firstName, "last_name", lastName)));
    }

    public String service(String name) {
        return created(http.post("/api/v1/services", Map.of("name", name, "default_duration_minutes", 60)));
    }

    public String location(String name, String type, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("location_type", type);
        body.put("address", address);
        return created(http.post("/api/v1/locations", body));
    }

    public Response book(String clientId, Instant start, Instant end) {
        return book(clientId, start, end, "scheduled");
    }

    public Response book(String clientId, Instant start, Instant end, String status) {
        return http.post("/api/v1/appointments", appointmentBody(clientId, start, end, status));
    }

    public String appointment(String clientId, Instant start, Instant end) {
        return created(book(clientId, start, end));
    }

    public String appointment(String clientId, Instant start, Instant end, String status) {
        return created(book(clientId, start, end, status));
    }

    public static Map<String, Object> appointmentBody(String clientId, Instant start, Instant end, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("scheduled_start", start.toString());
        body.put("scheduled_end", end.toString());
        body.put("location_type", "clinic");
        body.put("status", status);
        return body;
    }

    public static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
