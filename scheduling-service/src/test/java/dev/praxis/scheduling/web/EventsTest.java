package dev.praxis.scheduling.web;

import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.scheduling.Scheduling;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change, and every read of a single client, is an event on {@code praxis.scheduling.events} (through the
 * outbox), keyed by the resource, carrying ids, statuses and field names, and never a PHI value.
 */
@PraxisServiceTest
class EventsTest {

    static final List<String> PHI = List.of("Jane", "Roe", "jane.roe@example.com", "555-0100", "1980-02-03",
            "allergic to lavender", "Room 7", "bring towel", "Janet");

    @LocalServerPort
    int port;

    KafkaProbe probe;
    TestUser assistant;
    Scheduling scheduling;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        probe = KafkaProbe.open(Topics.SCHEDULING);
        assistant = TestUser.inNewTenant(Role.ASSISTANT);
        scheduling = Scheduling.as(port, assistant);
        http = scheduling.http();
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void clientLifecycleIsPublishedWithoutPhi() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("first_name", "Jane", "last_name", "Roe",
                "email", "jane.roe@example.com", "phone", "555-0100", "date_of_birth", "1980-02-03",
                "notes", "allergic to lavender"));
        String client = Scheduling.created(http.post("/api/v1/clients", body));
        String future = scheduling.appointment(client, Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
                Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        http.get("/api/v1/clients/" + client);
        assertThat(http.put("/api/v1/clients/" + client, Map.of("last_name", "Roe")).status())
                .as("an update that changes nothing answers the record: a read").isEqualTo(200);
        http.put("/api/v1/clients/" + client, Map.of("first_name", "Janet", "phone", "555-0100"));
        http.delete("/api/v1/clients/" + client);

        List<EventEnvelope> events = probe.awaitEvents(e -> client.equals(e.resourceId()), 5);
        EventEnvelope cancelled = probe.awaitEvent(e -> future.equals(e.resourceId())
                && e.eventType().equals("appointment.updated"));

        assertThat(events).extracting(EventEnvelope::eventType)
                .containsExactly("client.created", "client.read", "client.read", "client.updated", "client.deleted");
        assertThat(events).extracting(EventEnvelope::action)
                .containsExactly(Action.CREATE, Action.READ, Action.READ, Action.UPDATE, Action.DELETE);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.producer()).isEqualTo("scheduling-service");
            assertThat(event.tenantId()).isEqualTo(assistant.tenantId());
            assertThat(event.actor().userId()).isEqualTo(assistant.userId());
            assertThat(event.resourceType()).isEqualTo("Client");
        });
        assertThat(events.get(0).metadata().get("fields")).isEqualTo(List.of("first_name", "last_name", "email",
                "phone", "date_of_birth", "notes"));
        assertThat(events.get(3).metadata().get("fields")).as("only what changed").isEqualTo(List.of("first_name"));
        assertThat(cancelled.metadata()).containsEntry("status", "cancelled").containsEntry("cause", "client.deleted")
                .containsEntry("fields", List.of("status")).containsEntry("client_id", client);
        assertNoPhi();
    }

    @Test
    void appointmentLifecycleIsPublishedWithoutPhi() {
        String client = scheduling.client("Jane", "Roe");
        Map<String, Object> body = Scheduling.appointmentBody(client, Instant.parse("2025-10-01T10:00:00Z"),
                Instant.parse("2025-10-01T11:00:00Z"), "scheduled");
        body.put("notes", "bring towel");
        body.put("location_details", "Room 7");
        String appointment = Scheduling.created(http.post("/api/v1/appointments", body));
        http.get("/api/v1/appointments/" + appointment);
        assertThat(http.put("/api/v1/appointments/" + appointment, Map.of("notes", "bring towel")).status())
                .as("an update that changes nothing answers the record: a read").isEqualTo(200);
        http.put("/api/v1/appointments/" + appointment, Map.of("status", "completed"));
        http.delete("/api/v1/appointments/" + appointment);

        List<EventEnvelope> events = probe.awaitEvents(e -> appointment.equals(e.resourceId()), 5);

        assertThat(events).extracting(EventEnvelope::eventType).containsExactly("appointment.created",
                "appointment.read", "appointment.read", "appointment.updated", "appointment.deleted");
        assertThat(events.get(1).metadata()).containsEntry("client_id", client).containsEntry("status", "scheduled")
                .doesNotContainKey("fields");
        assertThat(events.get(1).action()).isEqualTo(Action.READ);
        assertThat(events.get(0).metadata()).containsEntry("client_id", client).containsEntry("status", "scheduled")
                .containsEntry("fields", List.of("client_id", "scheduled_start", "scheduled_end", "location_type",
                        "location_details", "status", "notes"));
        assertThat(events.get(3).metadata()).containsEntry("status", "completed")
                .containsEntry("previous_status", "scheduled").containsEntry("fields", List.of("status"));
        assertThat(events.get(4).action()).isEqualTo(Action.DELETE);
        List<ConsumerRecord<String, String>> records = probe.records().stream()
                .filter(r -> r.value().contains(appointment)).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(appointment));
        assertNoPhi();
    }

    @Test
    void catalogChangesArePublished() {
        TestUser practitioner = assistant.colleague(Role.PRACTITIONER);
        Scheduling catalog = Scheduling.as(port, practitioner);
        String service = catalog.service("Massage");
        String location = catalog.location("Clinic", "clinic", "1 Main St");
        catalog.http().put("/api/v1/services/" + service, Map.of("default_duration_minutes", 90));
        catalog.http().put("/api/v1/locations/" + location, Map.of("details", "Ring twice"));
        catalog.http().delete("/api/v1/services/" + service);
        catalog.http().delete("/api/v1/locations/" + location);

        List<EventEnvelope> services = probe.awaitEvents(e -> service.equals(e.resourceId()), 3);
        List<EventEnvelope> locations = probe.awaitEvents(e -> location.equals(e.resourceId()), 3);

        assertThat(services).extracting(EventEnvelope::eventType)
                .containsExactly("service.created", "service.updated", "service.deleted");
        assertThat(services.get(1).metadata()).containsEntry("fields", List.of("default_duration_minutes"));
        assertThat(services.get(2).metadata()).containsEntry("mode", "hard");
        assertThat(locations).extracting(EventEnvelope::eventType)
                .containsExactly("location.created", "location.updated", "location.deleted");
        assertThat(locations.get(1).metadata()).containsEntry("fields", List.of("details"));
    }

    @Test
    void aRefusedWritePublishesNothingAndANoOpUpdateIsARead() {
        String client = scheduling.client("Jane", "Roe");
        Instant start = Instant.parse("2025-10-01T10:00:00Z");
        scheduling.appointment(client, start, start.plusSeconds(3600));
        assertThat(scheduling.book(client, start, start.plusSeconds(1800)).status()).isEqualTo(409);
        http.put("/api/v1/clients/" + client, Map.of("first_name", "Jane"));
        http.put("/api/v1/clients/" + client, Map.of("last_name", "Doe"));

        probe.awaitEvent(e -> e.eventType().equals("appointment.created") && assistant.tenantId().equals(e.tenantId()));
        // Same key, same partition: once the second update is here, anything the first one published would be too.
        probe.awaitEvent(e -> client.equals(e.resourceId()) && e.eventType().equals("client.updated"));

        assertThat(probe.events()).filteredOn(e -> assistant.tenantId().equals(e.tenantId()))
                .extracting(EventEnvelope::eventType)
                .containsExactlyInAnyOrder("client.created", "appointment.created", "client.read", "client.updated");
    }

    private void assertNoPhi() {
        assertThat(probe.records()).allSatisfy(record -> {
            for (String value : PHI) {
                assertThat(record.value()).doesNotContain(value);
            }
        });
    }
}
