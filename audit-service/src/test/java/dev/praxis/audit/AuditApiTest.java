package dev.praxis.audit;

import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The PazPaz audit API: filters, pagination, roles and tenant isolation. */
@PraxisServiceTest
class AuditApiTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;

    TestUser auditor;
    UUID therapist = UUID.randomUUID();
    UUID clientId = UUID.randomUUID();
    EventEnvelope appointmentDeleted;

    @BeforeEach
    void seedOneTenant() {
        auditor = TestUser.inNewTenant(Role.AUDITOR);
        UUID tenant = auditor.tenantId();
        List<EventEnvelope> earlier = List.of(
                AuditEvents.event(tenant, therapist, "client.created", "Client", clientId.toString(), Action.CREATE, Map.of()),
                AuditEvents.event(tenant, therapist, "client.read", "Client", clientId.toString(), Action.READ, Map.of()),
                AuditEvents.event(tenant, UUID.randomUUID(), "client.deleted", "Client", clientId.toString(), Action.DELETE, Map.of()));
        appointmentDeleted = AuditEvents.event(tenant, therapist, "appointment.deleted", "Appointment",
                UUID.randomUUID().toString(), Action.DELETE, Map.of("appointment_status", "completed",
                        "had_session_note", true));
        List<EventEnvelope> events = new java.util.ArrayList<>(earlier);
        events.add(appointmentDeleted);
        events.forEach(event -> AuditEvents.publish(kafka, AuditEvents.TOPIC, event));
        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.storedForTenant(jdbc, tenant) == events.size());
    }

    HttpTestClient as(TestUser user) {
        return HttpTestClient.onPort(port).as(user);
    }

    @Test
    void listsTheTenantsEventsNewestFirstWithTheContractFields() {
        Response response = as(auditor).get("/api/v1/audit");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("total").asLong()).isEqualTo(4);
        var newest = response.json().get("items").get(0);
        assertThat(newest.get("event_type").asString()).isEqualTo("appointment.deleted");
        assertThat(newest.get("workspace_id").asString()).isEqualTo(auditor.tenantId().toString());
        assertThat(newest.get("tenant_id").asString()).isEqualTo(auditor.tenantId().toString());
        assertThat(newest.get("resource_type").asString()).isEqualTo("Appointment");
        assertThat(newest.get("action").asString()).isEqualTo("DELETE");
        assertThat(newest.get("user_id").asString()).isEqualTo(therapist.toString());
        assertThat(newest.get("metadata").get("appointment_status").asString()).isEqualTo("completed");
        assertThat(newest.get("metadata").get("had_session_note").asBoolean()).isTrue();
        assertThat(newest.get("created_at").asString()).endsWith("Z");
        assertThat(response.json().get("items").valueStream().map(item -> item.get("sequence").asLong()))
                .as("the chain follows arrival order, which partitions may interleave").containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(newest.get("hash").asString()).hasSize(64);
    }

    @Test
    void filtersByResourceEventTypeUserAndDate() {
        assertThat(total("/api/v1/audit?resource_type=Client")).isEqualTo(3);
        assertThat(total("/api/v1/audit?resource_type=Client&resource_id=" + clientId)).isEqualTo(3);
        assertThat(total("/api/v1/audit?event_type=deleted")).as("a verb matches any resource").isEqualTo(2);
        assertThat(total("/api/v1/audit?event_type=client.deleted")).as("a dotted value matches exactly").isEqualTo(1);
        assertThat(total("/api/v1/audit?user_id=" + therapist)).isEqualTo(3);
        assertThat(total("/api/v1/audit?start_date=2000-01-01T00:00:00Z&end_date=2999-01-01T00:00:00Z")).isEqualTo(4);
        assertThat(total("/api/v1/audit?end_date=2000-01-01T00:00:00Z")).isZero();
    }

    @Test
    void paginates() {
        Response page = as(auditor).get("/api/v1/audit?page=2&page_size=3");

        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("total_pages").asInt()).isEqualTo(2);
        assertThat(as(auditor).get("/api/v1/audit?page_size=101").status()).isEqualTo(422);
    }

    @Test
    void dateWithoutOffsetIs422() {
        Response response = as(auditor).get("/api/v1/audit?start_date=2025-01-01T00:00:00");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"query\",\"start_date\"]");
    }

    @Test
    void endDateBeforeStartDateIs422() {
        Response response = as(auditor).get("/api/v1/audit?start_date=2030-01-01T00:00:00Z&end_date=2020-01-01T00:00:00Z");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"query\",\"end_date\"]");
        assertThat(as(auditor).get("/api/v1/audit?start_date=2030-01-01T00:00:00Z&end_date=2030-01-01T00:00:00Z")
                .status()).as("one instant is a range").isEqualTo(200);
    }

    @Test
    void anIdThatIsNotAUuidIs422OnTheContractsParameterName() {
        Response response = as(auditor).get("/api/v1/audit/not-a-uuid");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"path\",\"audit_event_id\"]");
    }

    @Test
    void getsOneEventAndHidesOtherTenants() {
        String id = as(auditor).get("/api/v1/audit?event_type=appointment.deleted").json().get("items").get(0)
                .get("id").asString();

        Response mine = as(auditor).get("/api/v1/audit/" + id);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("resource_id").asString()).isEqualTo(appointmentDeleted.resourceId());

        TestUser stranger = TestUser.inNewTenant(Role.ADMIN);
        assertThat(as(stranger).get("/api/v1/audit/" + id).status()).isEqualTo(404);
        assertThat(as(stranger).get("/api/v1/audit").json().get("total").asLong()).isZero();
        assertThat(as(auditor).get("/api/v1/audit/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsAndAuditorsMayRead() {
        assertThat(as(auditor.colleague(Role.ADMIN)).get("/api/v1/audit").status()).isEqualTo(200);
        for (Role role : new Role[]{Role.PRACTITIONER, Role.ASSISTANT, Role.VIEWER, Role.BILLING}) {
            TestUser user = auditor.colleague(role);
            assertThat(as(user).get("/api/v1/audit").status()).as(role.value()).isEqualTo(403);
            assertThat(as(user).get("/api/v1/audit/verify").status()).as(role.value()).isEqualTo(403);
        }
        assertThat(HttpTestClient.onPort(port).get("/api/v1/audit").status()).isEqualTo(401);
    }

    @Test
    void verifyReportsAnIntactChain() {
        Response response = as(auditor).get("/api/v1/audit/verify");

        assertThat(response.json().get("intact").asBoolean()).isTrue();
        assertThat(response.json().get("records_verified").asLong()).isEqualTo(4);
        assertThat(response.json().get("first_broken_sequence").isNull()).isTrue();
    }

    private long total(String path) {
        Response response = as(auditor).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("total").asLong();
    }
}
