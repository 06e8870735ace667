package dev.praxis.sample;

import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event is committed with its change, published after the commit, and never exists for a rolled-back change. */
@PraxisServiceTest
class OutboxTest {

    static final String TOPIC = Topics.forService("sample-service");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventRecorder events;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    KafkaProbe probe;
    TestUser user;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        probe = KafkaProbe.open(TOPIC);
        user = TestUser.inNewTenant(Role.PRACTITIONER);
        http = HttpTestClient.onPort(port).as(user);
    }

    @AfterEach
    void tearDown() {
        probe.close();
    }

    @Test
    void committedChangeIsPublishedWithItsContextAndNoPhi() {
        Response created = http.header("X-Request-ID", "outbox-req-1").post("/widgets", Map.of("name", "Jane Roe's chart"));
        String widgetId = created.json().get("id").asString();

        EventEnvelope event = probe.awaitEvent(e -> widgetId.equals(e.resourceId()));

        assertThat(event.eventType()).isEqualTo("widget.created");
        assertThat(event.action()).isEqualTo(Action.CREATE);
        assertThat(event.resourceType()).isEqualTo("Widget");
        assertThat(event.producer()).isEqualTo("sample-service");
        assertThat(event.tenantId()).isEqualTo(user.tenantId());
        assertThat(event.actor().userId()).isEqualTo(user.userId());
        assertThat(event.actor().ip()).isNotBlank();
        assertThat(event.requestId()).isEqualTo("outbox-req-1");
        assertThat(event.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(event.metadata()).containsEntry("fields", List.of("name"));
        var record = probe.records().stream().filter(r -> r.value().contains(widgetId)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(widgetId);
        assertThat(record.value()).doesNotContain("Jane");
        assertThat(record.headers().lastHeader("traceparent")).as("trace continues across Kafka").isNotNull();
        assertThat(new String(record.headers().lastHeader("traceparent").value()))
                .contains(event.traceparent().substring(3, 35));
        assertThat(jdbc.queryForObject("select published_at is not null from outbox_event where event_id = ?",
                Boolean.class, event.eventId())).isTrue();
    }

    @Test
    void rolledBackChangeLeavesNoEvent() {
        Response refused = http.post("/widgets/failing", Map.of("name", "never"));
        assertThat(refused.status()).isEqualTo(409);
        String afterwards = http.post("/widgets", Map.of("name", "afterwards")).json().get("id").asString();

        probe.awaitEvent(e -> afterwards.equals(e.resourceId()));

        assertThat(probe.events()).filteredOn(e -> user.tenantId().equals(e.tenantId())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from widget where tenant_id = ?", Integer.class, user.tenantId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where payload like ?", Integer.class,
                "%" + user.tenantId() + "%")).isEqualTo(1);
    }

    @Test
    void anUnauthenticatedActionCanNameItsActingUserAndKeepsTheClientAddress() {
        java.util.UUID someone = java.util.UUID.randomUUID();
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);

        EventEnvelope recorded = transactions.execute(status -> events.record(
                DomainEvent.of("login.succeeded", "Login", someone, Action.EXECUTE).actingUser(someone)));

        assertThat(recorded.actor().userId()).isEqualTo(someone);
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> events.record(DomainEvent.of("widget.touched", "Widget", "x", Action.UPDATE)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventTooLargeForTheBrokerIsRefusedWithItsChange() {
        String marker = java.util.UUID.randomUUID().toString();
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> events.record(
                DomainEvent.of("widget.touched", "Widget", marker, Action.UPDATE).with("fields", "x".repeat(300_000)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("over 262144");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where payload like ?", Integer.class,
                "%" + marker + "%")).isZero();
    }

    @Test
    void relayExposesPendingMetrics() {
        assertThat(meters.find("praxis.outbox.pending").gauge()).isNotNull();
        assertThat(meters.find("praxis.outbox.oldest.pending.age").timeGauge()).isNotNull();
    }
}
