package dev.praxis.scheduling.client;

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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PraxisServiceTest
class ClientApiTest {

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

    static Map<String, Object> fullClient() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_name", "John");
        body.put("last_name", "Doe");
        body.put("email", "john.doe@example.com");
        body.put("phone", "+1234567890");
        body.put("date_of_birth", "1990-01-01");
        body.put("consent_status", true);
        body.put("notes", "Prefers morning sessions");
        body.put("tags", List.of("vip", "massage"));
        return body;
    }

    @Test
    void createAnswers201WithEveryFieldAndTheWorkspace() {
        Response response = http.post("/api/v1/clients", fullClient());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode client = response.json();
        assertThat(UUID.fromString(client.get("id").asString())).isNotNull();
        assertThat(client.get("workspace_id").asString()).isEqualTo(practitioner.tenantId().toString());
        assertThat(client.get("first_name").asString()).isEqualTo("John");
        assertThat(client.get("last_name").asString()).isEqualTo("Doe");
        assertThat(client.get("email").asString()).isEqualTo("john.doe@example.com");
        assertThat(client.get("phone").asString()).isEqualTo("+1234567890");
        assertThat(client.get("date_of_birth").asString()).isEqualTo("1990-01-01");
        assertThat(client.get("consent_status").asBoolean()).isTrue();
        assertThat(client.get("notes").asString()).isEqualTo("Prefers morning sessions");
        assertThat(client.get("tags").toString()).isEqualTo("[\"vip\",\"massage\"]");
        assertThat(client.get("created_at").asString()).endsWith("Z").isEqualTo(client.get("updated_at").asString());
        assertThat(http.get("/api/v1/clients/" + client.get("id").asString()).body()).isEqualTo(response.body());
    }

    @Test
    void onlyNamesAreRequiredAndConsentDefaultsToFalse() {
        JsonNode client = http.post("/api/v1/clients", Map.of("first_name", "Ada", "last_name", "Lovelace")).json();

        assertThat(client.get("consent_status").asBoolean()).isFalse();
        assertThat(client.get("email").isNull()).isTrue();
        assertThat(client.get("date_of_birth").isNull()).isTrue();
        assertThat(client.get("tags").size()).isZero();
    }

    @Test
    void aBirthDateBefore1900Is422() {
        for (String date : List.of("0001-01-01", "-0001-01-01", "1899-12-31")) {
            Response created = http.post("/api/v1/clients", Map.of("first_name", "Old", "last_name", "Client",
                    "date_of_birth", date));
            assertThat(created.status()).as(date).isEqualTo(422);
            assertThat(locations(created)).containsExactly("[\"body\",\"date_of_birth\"]");
        }
        String id = Scheduling.created(http.post("/api/v1/clients", Map.of("first_name", "Old", "last_name", "Client",
                "date_of_birth", "1900-01-01")));
        assertThat(locations(http.put("/api/v1/clients/" + id, Map.of("date_of_birth", "1899-12-31"))))
                .containsExactly("[\"body\",\"date_of_birth\"]");
        assertThat(http.get("/api/v1/clients/" + id).json().get("date_of_birth").asString()).isEqualTo("1900-01-01");
    }

    @Test
    void invalidFieldsAre422AtEachFieldWithoutEchoingValues() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_name", " ");
        body.put("last_name", "x".repeat(256));
        body.put("email", "secret-address@nowhere");
        body.put("phone", "5".repeat(51));
        body.put("date_of_birth", LocalDate.now().plusDays(1).toString());
        body.put("tags", List.of("ok", ""));

        Response response = http.post("/api/v1/clients", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(locations(response)).containsExactlyInAnyOrder("[\"body\",\"first_name\"]",
                "[\"body\",\"last_name\"]", "[\"body\",\"email\"]", "[\"body\",\"phone\"]",
                "[\"body\",\"date_of_birth\"]", "[\"body\",\"tags\",1]");
        assertThat(response.body()).doesNotContain("secret-address");
        assertThat(http.post("/api/v1/clients", Map.of("last_name", "Doe")).status()).isEqualTo(422);
        assertThat(http.post("/api/v1/clients", Map.of("first_name", "A", "last_name", "B", "date_of_birth", "01/02/1990"))
                .detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"date_of_birth\"]");
    }

    @Test
    void listIsSortedByLastThenFirstNameAndPaginated() {
        scheduling.client("Zoe", "Adams");
        scheduling.client("Bob", "Brown");
        scheduling.client("Amy", "Brown");
        scheduling.client("Carl", "Clark");

        JsonNode firstPage = http.get("/api/v1/clients?page=1&page_size=3").json();
        JsonNode secondPage = http.get("/api/v1/clients?page=2&page_size=3").json();

        assertThat(names(firstPage)).containsExactly("Zoe Adams", "Amy Brown", "Bob Brown");
        assertThat(names(secondPage)).containsExactly("Carl Clark");
        assertThat(firstPage.get("total").asInt()).isEqualTo(4);
        assertThat(firstPage.get("page").asInt()).isEqualTo(1);
        assertThat(firstPage.get("page_size").asInt()).isEqualTo(3);
        assertThat(firstPage.get("total_pages").asInt()).isEqualTo(2);
        assertThat(http.get("/api/v1/clients?page=3&page_size=3").json().get("items").size()).isZero();
        assertThat(http.get("/api/v1/clients").json().get("page_size").asInt()).isEqualTo(50);
        assertThat(http.get("/api/v1/clients?page_size=101").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/clients?page=0").status()).isEqualTo(422);
    }

    @Test
    void updateIsPartialAndNullClearsOptionalFields() {
        String id = Scheduling.created(http.post("/api/v1/clients", fullClient()));
        String createdAt = http.get("/api/v1/clients/" + id).json().get("created_at").asString();

        Response renamed = http.put("/api/v1/clients/" + id, Map.of("first_name", "Johnny", "tags", List.of()));
        Response cleared = http.put("/api/v1/clients/" + id, "{\"phone\": null, \"notes\": null, \"date_of_birth\": null}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("first_name").asString()).isEqualTo("Johnny");
        assertThat(renamed.json().get("tags").size()).isZero();
        JsonNode client = cleared.json();
        assertThat(client.get("first_name").asString()).isEqualTo("Johnny");
        assertThat(client.get("last_name").asString()).isEqualTo("Doe");
        assertThat(client.get("email").asString()).isEqualTo("john.doe@example.com");
        assertThat(client.get("consent_status").asBoolean()).isTrue();
        assertThat(client.get("phone").isNull()).isTrue();
        assertThat(client.get("notes").isNull()).isTrue();
        assertThat(client.get("date_of_birth").isNull()).isTrue();
        assertThat(client.get("created_at").asString()).isEqualTo(createdAt);
        assertThat(Instant.parse(client.get("updated_at").asString())).isAfter(Instant.parse(createdAt));
        assertThat(http.get("/api/v1/clients/" + id).body()).isEqualTo(cleared.body());
    }

    @Test
    void invalidUpdatesAre422AndChangeNothing() {
        String id = scheduling.client("Jane", "Roe");

        Response response = http.put("/api/v1/clients/" + id, Map.of("first_name", "", "email", "nope"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(locations(response)).containsExactlyInAnyOrder("[\"body\",\"first_name\"]", "[\"body\",\"email\"]");
        for (String blank : List.of("\u2003", "\u3000 ", "\u00a0", "\u200b\ufeff", "\t\u2028", "\u3164\ufe0f")) {
            Response updated = http.put("/api/v1/clients/" + id, Map.of("first_name", blank, "last_name", blank));
            assertThat(updated.status()).as("Unicode spaces and invisible characters are blank too").isEqualTo(422);
            assertThat(locations(updated)).containsExactlyInAnyOrder("[\"body\",\"first_name\"]",
                    "[\"body\",\"last_name\"]");
            Response created = http.post("/api/v1/clients", Map.of("first_name", blank, "last_name", "Roe"));
            assertThat(locations(created)).as("on create as on update").containsExactly("[\"body\",\"first_name\"]");
        }
        assertThat(http.get("/api/v1/clients/" + id).json().get("first_name").asString()).isEqualTo("Jane");
    }

    @Test
    void absentClientIs404() {
        String absent = UUID.randomUUID().toString();

        assertThat(http.get("/api/v1/clients/" + absent).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/clients/" + absent, Map.of("first_name", "X")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/clients/" + absent).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/clients/not-a-uuid").status()).isEqualTo(422);
    }

    @Test
    void deleteArchivesTheClientAndCancelsOnlyItsFutureScheduledAppointments() {
        String client = scheduling.client("Leaving", "Client");
        String other = scheduling.client("Staying", "Client");
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String past = scheduling.appointment(client, now.minus(2, ChronoUnit.DAYS), now.minus(47, ChronoUnit.HOURS), "completed");
        String future = scheduling.appointment(client, now.plus(1, ChronoUnit.DAYS), now.plus(25, ChronoUnit.HOURS));
        String futureNoShow = scheduling.appointment(client, now.plus(2, ChronoUnit.DAYS), now.plus(49, ChronoUnit.HOURS), "no_show");
        String othersFuture = scheduling.appointment(other, now.plus(3, ChronoUnit.DAYS), now.plus(73, ChronoUnit.HOURS));

        Response deleted = http.delete("/api/v1/clients/" + client);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(http.get("/api/v1/clients/" + client).status()).isEqualTo(404);
        assertThat(http.put("/api/v1/clients/" + client, Map.of("first_name", "Back")).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/clients/" + client).status()).isEqualTo(404);
        assertThat(names(http.get("/api/v1/clients").json())).containsExactly("Staying Client");
        assertThat(statusOf(past)).isEqualTo("completed");
        assertThat(statusOf(future)).isEqualTo("cancelled");
        assertThat(statusOf(futureNoShow)).isEqualTo("no_show");
        assertThat(statusOf(othersFuture)).isEqualTo("scheduled");
        assertThat(jdbc.queryForObject("select archived_at is not null from client where id = ?::uuid", Boolean.class,
                client)).as("archived, not removed").isTrue();
        assertThat(http.post("/api/v1/appointments", Scheduling.appointmentBody(client, now.plus(5, ChronoUnit.DAYS),
                now.plus(121, ChronoUnit.HOURS), "scheduled")).status()).as("no new bookings").isEqualTo(404);
        assertThat(http.get("/api/v1/appointments?client_id=" + client).json().get("total").asInt())
                .as("the record stays queryable").isEqualTo(3);
    }

    @Test
    void contactDetailsDateOfBirthAndNotesAreEncryptedAtRestAndNamesAreNot() {
        String id = Scheduling.created(http.post("/api/v1/clients", fullClient()));

        Map<String, Object> row = jdbc.queryForMap(
                "select first_name, last_name, email, phone, date_of_birth, notes from client where id = ?::uuid", id);

        assertThat(row.get("first_name")).isEqualTo("John");
        assertThat(row.get("last_name")).isEqualTo("Doe");
        for (String column : List.of("email", "phone", "date_of_birth", "notes")) {
            assertThat((String) row.get(column)).as(column).matches("v1:[a-z0-9_-]+:[A-Za-z0-9+/=]+");
        }
        String raw = row.toString();
        assertThat(raw).doesNotContain("john.doe").doesNotContain("example.com").doesNotContain("1234567890")
                .doesNotContain("1990").doesNotContain("morning");
        assertThat(http.get("/api/v1/clients/" + id).json().get("email").asString()).isEqualTo("john.doe@example.com");
    }

    private String statusOf(String appointmentId) {
        return http.get("/api/v1/appointments/" + appointmentId).json().get("status").asString();
    }

    static List<String> names(JsonNode page) {
        return page.get("items").valueStream()
                .map(c -> c.get("first_name").asString() + " " + c.get("last_name").asString()).toList();
    }

    static List<String> locations(Response response) {
        return response.detail().valueStream().map(error -> error.get("loc").toString()).toList();
    }
}
