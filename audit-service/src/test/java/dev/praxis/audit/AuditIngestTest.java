package dev.praxis.audit;

import dev.praxis.contracts.events.Actor;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event topic is read, each event stored once, poison parked, bursts absorbed. */
@PraxisServiceTest
class AuditIngestTest {

    private static final String STORED = "praxis.audit.records.stored";
    private static final String DUPLICATES = "praxis.audit.duplicates.skipped";
    private static final String DEAD_LETTERED = "praxis.audit.dead.lettered";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    /** A counter's value, read without registering it: a counter the service never registered counts 0. */
    private double count(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void duplicateDeliveryIsStoredOnce() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope event = AuditEvents.event(tenant, "client.updated");
        EventEnvelope marker = AuditEvents.event(tenant, "client.read");
        double duplicatesBefore = count(DUPLICATES);

        AuditEvents.publish(kafka, AuditEvents.TOPIC, event);
        AuditEvents.publish(kafka, AuditEvents.TOPIC, event);
        AuditEvents.publish(kafka, AuditEvents.TOPIC, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.storedForTenant(jdbc, tenant) == 2
                && count(DUPLICATES) >= duplicatesBefore + 1);
        assertThat(AuditEvents.stored(jdbc, event.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForList("select sequence from audit_record where tenant_id = ? order by sequence",
                Long.class, tenant)).containsExactly(1L, 2L);
    }

    @Test
    void exposesConsumerLagAndIngestCounters() {
        double storedBefore = count(STORED);
        EventEnvelope event = AuditEvents.event(UUID.randomUUID(), "client.read");
        AuditEvents.publish(kafka, AuditEvents.TOPIC, event);
        await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(jdbc, event.eventId()) == 1);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges().size() > 0);
        assertThat(count(STORED)).isGreaterThanOrEqualTo(storedBefore + 1);
        // No test registers these itself (find, never counter(...)): they exist because the service registered them.
        assertThat(meters.find(DUPLICATES).counter()).isNotNull();
        assertThat(meters.find(DEAD_LETTERED).counter()).isNotNull();
    }

    @Test
    void topicsCreatedAfterStartUpAreConsumedToo() {
        String newTopic = "praxis.late" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        EventEnvelope event = AuditEvents.event(UUID.randomUUID(), "report.published");

        AuditEvents.publish(kafka, newTopic, event);

        await().atMost(Duration.ofSeconds(45)).until(() -> AuditEvents.stored(jdbc, event.eventId()) == 1);
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStored() {
        EventEnvelope good = AuditEvents.event(UUID.randomUUID(), "client.created");
        String key = good.key();
        double deadLetteredBefore = count(DEAD_LETTERED);
        try (KafkaProbe deadLetters = KafkaProbe.open(Topics.deadLetter(AuditEvents.TOPIC))) {
            kafka.send(AuditEvents.TOPIC, key, "{\"event_id\": \"not-a-uuid\"}");
            AuditEvents.publish(kafka, AuditEvents.TOPIC, good);

            ConsumerRecord<String, String> parked = deadLetters.awaitRecords(r -> key.equals(r.key()), 1).get(0);
            assertThat(new String(parked.headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8)).contains("not a valid event envelope");
            await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(jdbc, good.eventId()) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(DEAD_LETTERED) >= deadLetteredBefore + 1);
        }
    }

    @Test
    void anEventTheLogRefusesIsParkedAloneAndTheOthersOfItsBatchAreStored() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope before = AuditEvents.event(tenant, "client.updated");
        EventEnvelope good = AuditEvents.event(tenant, "client.read");
        EventEnvelope tooLong = new EventEnvelope(UUID.randomUUID(), "login.failed", 1, good.occurredAt(), "audit-test",
                tenant, new Actor(null, "203.0.113.7".repeat(10)), "Login", null, good.action(), null, null, null,
                good.metadata());
        EventEnvelope after = AuditEvents.event(tenant, "client.deleted");
        double deadLetteredBefore = count(DEAD_LETTERED);
        try (KafkaProbe deadLetters = KafkaProbe.open(Topics.deadLetter(AuditEvents.TOPIC))) {
            for (EventEnvelope event : List.of(before, tooLong, after)) {
                kafka.send(AuditEvents.TOPIC, event.key(), dev.praxis.platform.outbox.EventJson.write(event));
            }
            kafka.flush();

            deadLetters.awaitRecords(r -> r.value().contains(tooLong.eventId().toString()), 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> AuditEvents.stored(jdbc, before.eventId()) == 1
                    && AuditEvents.stored(jdbc, after.eventId()) == 1);
            assertThat(AuditEvents.stored(jdbc, tooLong.eventId())).isZero();
            assertThat(deadLetters.records()).noneMatch(r -> r.value().contains(before.eventId().toString())
                    || r.value().contains(after.eventId().toString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(DEAD_LETTERED) >= deadLetteredBefore + 1);
        }
    }

    @Test
    void aBurstOfTenThousandEventsIsStoredWithNoneMissing() {
        List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            EventEnvelope event = AuditEvents.event(tenants.get(i % tenants.size()), "appointment.updated");
            sends.add(kafka.send(AuditEvents.TOPIC, event.key(), dev.praxis.platform.outbox.EventJson.write(event)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        long published = System.nanoTime();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> tenants.stream()
                .mapToInt(tenant -> AuditEvents.storedForTenant(jdbc, tenant)).sum() == 10_000);
        long stored = System.nanoTime();

        for (UUID tenant : tenants) {
            assertThat(jdbc.queryForObject("select max(sequence) = count(*) from audit_record where tenant_id = ?",
                    Boolean.class, tenant)).as("no gaps in the chain of %s", tenant).isTrue();
        }
        System.out.printf("AUDIT BURST: 10000 events published in %d ms, all stored after %d ms (%.0f events/s)%n",
                (published - start) / 1_000_000, (stored - start) / 1_000_000, 10_000 / ((stored - start) / 1e9));
    }
}
