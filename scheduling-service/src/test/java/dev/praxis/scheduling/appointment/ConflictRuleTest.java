package dev.praxis.scheduling.appointment;

import dev.praxis.contracts.security.Role;
import dev.praxis.scheduling.Scheduling;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN.md section 5, the conflict rule: half-open intervals, per tenant, only scheduled and completed block. */
@PraxisServiceTest
class ConflictRuleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    TestUser practitioner;
    Scheduling scheduling;
    HttpTestClient http;
    String client;
    String existing;

    @BeforeEach
    void setUp() {
        practitioner = TestUser.inNewTenant(Role.PRACTITIONER);
        scheduling = Scheduling.as(port, practitioner);
        http = scheduling.http();
        client = scheduling.client("Jane", "Roe");
        existing = scheduling.appointment(client, at("10:00"), at("11:00"));
    }

    @ParameterizedTest(name = "[{0}, {1}) against [10:00, 11:00): {2}")
    @CsvSource({
            "09:00, 10:00, 201, back-to-back before",
            "11:00, 12:00, 201, back-to-back after",
            "08:00, 09:00, 201, well before",
            "09:30, 10:30, 409, overlaps the start",
            "10:30, 11:30, 409, overlaps the end",
            "10:15, 10:45, 409, contained",
            "09:00, 12:00, 409, enclosing",
            "10:00, 11:00, 409, identical",
            "10:59, 11:00, 409, last minute",
    })
    void halfOpenIntervalsConflictWhenTheyOverlap(String start, String end, int expected, String description) {
        Response response = scheduling.book(client, at(start), at(end));

        assertThat(response.status()).as(description).isEqualTo(expected);
    }

    @Test
    void conflictIs409WithTheConflictingAppointmentsAndWritesNothing() {
        String second = scheduling.appointment(client, at("11:00"), at("12:00"), "completed");

        Response response = scheduling.book(client, at("10:30"), at("11:30"));

        assertThat(response.status()).isEqualTo(409);
        JsonNode body = response.json();
        assertThat(body.get("request_id").asString()).isNotBlank();
        JsonNode detail = body.get("detail");
        assertThat(detail.get("message").asString()).isNotBlank();
        JsonNode conflicts = detail.get("conflicting_appointments");
        assertThat(conflicts).hasSize(2);
        assertThat(conflicts.get(0).propertyNames()).containsExactlyInAnyOrder("id", "scheduled_start", "scheduled_end", "status");
        assertThat(conflicts.get(0).get("id").asString()).isEqualTo(existing);
        assertThat(conflicts.get(0).get("scheduled_start").asString()).isEqualTo("2025-10-01T10:00:00Z");
        assertThat(conflicts.get(0).get("scheduled_end").asString()).isEqualTo("2025-10-01T11:00:00Z");
        assertThat(conflicts.get(0).get("status").asString()).isEqualTo("scheduled");
        assertThat(conflicts.get(1).get("id").asString()).isEqualTo(second);
        assertThat(conflicts.get(1).get("status").asString()).isEqualTo("completed");
        assertThat(jdbc.queryForObject("select count(*) from appointment where tenant_id = ?", Integer.class,
                practitioner.tenantId())).isEqualTo(2);
    }

    @Test
    void cancelledAndNoShowNeverBlockAndMayBeBookedOverAnything() {
        String cancelled = scheduling.appointment(client, at("13:00"), at("14:00"), "cancelled");
        String noShow = scheduling.appointment(client, at("13:00"), at("14:00"), "no_show");

        Response booked = scheduling.book(client, at("13:00"), at("14:00"));
        assertThat(booked.status()).isEqualTo(201);
        assertThat(scheduling.book(client, at("10:00"), at("11:00"), "cancelled").status()).isEqualTo(201);
        assertThat(scheduling.book(client, at("10:00"), at("11:00"), "no_show").status()).isEqualTo(201);

        JsonNode check = http.get("/api/v1/appointments/conflicts?scheduled_start=" + at("13:00") + "&scheduled_end="
                + at("14:00")).json();
        assertThat(check.get("has_conflict").asBoolean()).isTrue();
        assertThat(check.get("conflicting_appointments").valueStream().map(conflict -> conflict.get("id").asString()))
                .containsExactly(booked.json().get("id").asString())
                .doesNotContain(cancelled, noShow);
    }

    @Test
    void aWindowOverManyAppointmentsListsTheEarliestFiftyOnly() {
        Instant day = Instant.parse("2025-10-02T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ConflictFinder.LISTED + 10; i++) {
            Instant start = day.plus(Duration.ofMinutes(10L * i));
            rows.add(new Object[]{UUID.randomUUID(), practitioner.tenantId(), UUID.fromString(client),
                    start.atOffset(ZoneOffset.UTC), start.plus(Duration.ofMinutes(10)).atOffset(ZoneOffset.UTC)});
        }
        jdbc.batchUpdate("""
                insert into appointment (id, tenant_id, client_id, scheduled_start, scheduled_end, location_type,
                                         status, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, 'clinic', 'scheduled', now(), now(), 0)""", rows);

        JsonNode check = http.get("/api/v1/appointments/conflicts?scheduled_start=" + day + "&scheduled_end="
                + day.plus(Duration.ofDays(1))).json();
        assertThat(check.get("has_conflict").asBoolean()).isTrue();
        JsonNode listed = check.get("conflicting_appointments");
        assertThat(listed).hasSize(ConflictFinder.LISTED);
        assertThat(listed.get(0).get("scheduled_start").asString()).isEqualTo(day.toString());

        Response refused = scheduling.book(client, day, day.plus(Duration.ofDays(1)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").get("conflicting_appointments")).hasSize(ConflictFinder.LISTED);
    }

    @Test
    void completedAppointmentsBlockLikeScheduledOnes() {
        assertThat(scheduling.book(client, at("10:30"), at("11:30"), "completed").status()).isEqualTo(409);
    }

    @Test
    void otherTenantsNeverConflict() {
        Scheduling stranger = Scheduling.as(port, TestUser.inNewTenant(Role.PRACTITIONER));

        assertThat(stranger.book(stranger.client("Other", "Person"), at("10:00"), at("11:00")).status()).isEqualTo(201);
    }

    @Test
    void updatesRecheckButNeverConflictWithThemselves() {
        String later = scheduling.appointment(client, at("12:00"), at("13:00"));

        assertThat(http.put("/api/v1/appointments/" + existing, Map.of("scheduled_end", at("11:30").toString())).status())
                .as("growing into free time, overlapping only itself").isEqualTo(200);
        Response moved = http.put("/api/v1/appointments/" + later, Map.of("scheduled_start", at("11:00").toString()));
        assertThat(moved.status()).as("moving into an occupied slot").isEqualTo(409);
        assertThat(moved.json().get("detail").get("conflicting_appointments").get(0).get("id").asString())
                .isEqualTo(existing);
        assertThat(http.get("/api/v1/appointments/" + later).json().get("scheduled_start").asString())
                .isEqualTo("2025-10-01T12:00:00Z");
        assertThat(http.put("/api/v1/appointments/" + later, Map.of("notes", "unrelated change")).status())
                .isEqualTo(200);
    }

    @Test
    void statusChangesRecheck() {
        String cancelled = scheduling.appointment(client, at("10:30"), at("11:30"), "cancelled");

        Response revived = http.put("/api/v1/appointments/" + cancelled, Map.of("status", "scheduled"));

        assertThat(revived.status()).isEqualTo(409);
        assertThat(revived.json().get("detail").get("conflicting_appointments").get(0).get("id").asString())
                .isEqualTo(existing);
        assertThat(http.put("/api/v1/appointments/" + existing, Map.of("status", "cancelled")).status()).isEqualTo(200);
        assertThat(http.put("/api/v1/appointments/" + cancelled, Map.of("status", "scheduled")).status())
                .as("free once the other is cancelled").isEqualTo(200);
        assertThat(http.put("/api/v1/appointments/" + existing, Map.of("status", "no_show")).status())
                .as("a non-blocking status needs no check").isEqualTo(200);
    }

    @Test
    void theDatabaseItselfRefusesAnOverlapThatBypassesTheApplication() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into appointment (id, tenant_id, client_id, scheduled_start, scheduled_end, location_type, status,
                                         created_at, updated_at, version)
                values (?, ?, ?::uuid, ?::timestamptz, ?::timestamptz, 'clinic', 'completed', now(), now(), 0)""",
                UUID.randomUUID(), practitioner.tenantId(), client, "2025-10-01T10:59:00Z", "2025-10-01T12:00:00Z"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().isInstanceOf(SQLException.class)
                .satisfies(cause -> assertThat(((SQLException) cause).getSQLState()).isEqualTo("23P01"));
    }

    static Instant at(String time) {
        return Instant.parse("2025-10-01T" + time + ":00Z");
    }
}
