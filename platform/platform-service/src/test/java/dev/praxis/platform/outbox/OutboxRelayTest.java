package dev.praxis.platform.outbox;

import com.zaxxer.hikari.HikariDataSource;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.embedded.KafkaBroker;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on its own database and broker, so nothing else publishes or consumes here. It polls only once a minute,
 * so every cycle in these tests is started by a commit's nudge (or by a failure's backoff).
 */
class OutboxRelayTest {

    static final String TOPIC = "praxis.outage-test.events";
    // Long enough that three commits in a row fit in it on a loaded machine.
    static final Duration LINGER = Duration.ofSeconds(1);

    static KafkaBroker broker;
    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;
    static TransactionTemplate transactions;
    static OutboxRelay relay;
    static EventRecorder recorder;

    @BeforeAll
    static void setUp() {
        dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        broker = KafkaBroker.onFreePorts().start();

        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer()));

        OutboxProperties properties = new OutboxProperties(TOPIC, true, Duration.ofMinutes(1), LINGER, 200,
                Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofDays(7));
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        OutboxStore store = new OutboxStore(jdbc);
        relay = new OutboxRelay(store, kafka, transactions, properties, none.getBeanProvider(Tracer.class),
                none.getBeanProvider(Propagator.class), none.getBeanProvider(MeterRegistry.class));
        recorder = new EventRecorder(store, relay, "outage-test", TOPIC, Clock.systemUTC(),
                none.getBeanProvider(Tracer.class), none.getBeanProvider(Propagator.class));
        relay.start();
    }

    @AfterAll
    static void tearDown() {
        relay.stop();
        broker.close();
        dataSource.close();
    }

    @Test
    void eventsCommittedWhileTheRelayLingersLeaveInOneBatch() {
        try (KafkaProbe probe = KafkaProbe.openOn(broker.bootstrapServers(), TOPIC)) {
            List<String> ids = List.of(record("batch-a", 0), record("batch-b", 0), record("batch-c", 0));

            probe.awaitEvents(e -> e.resourceId().startsWith("batch-"), 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(OutboxRelayTest::isPublished));
            assertThat(jdbc.queryForObject("select count(distinct published_at) from outbox_event where event_id = any(?)",
                    Integer.class, (Object) ids.stream().map(UUID::fromString).toArray(UUID[]::new)))
                    .as("one relay transaction (published_at is its start time) for all three").isEqualTo(1);
        }
    }

    /** Commits keep succeeding while the broker is away, nothing is lost, and once it is back every event arrives. */
    @Test
    void eventsCommittedWhileTheBrokerIsDownArriveInPerKeyOrderOnceItIsBack() {
        try (KafkaProbe probe = KafkaProbe.openOn(broker.bootstrapServers(), TOPIC)) {
            String warmUp = record("warm-up", 0);
            probe.awaitEvent(e -> e.resourceId().equals("warm-up"));
            assertThat(isPublished(warmUp)).isTrue();

            broker.stop();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ids.add(record("resource-" + (i % 10), i));
            }
            assertThat(pendingCount()).isEqualTo(100);
            await("the relay tried and failed while the broker was down").atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject("select coalesce(max(attempts), 0) from outbox_event",
                            Integer.class) >= 2);
            assertThat(pendingCount()).as("nothing is marked published while the broker is down").isEqualTo(100);

            broker.start();

            List<EventEnvelope> arrived = probe.awaitEvents(e -> e.resourceId().startsWith("resource-"), 100);
            Map<UUID, EventEnvelope> firstDeliveries = new LinkedHashMap<>();
            arrived.forEach(e -> firstDeliveries.putIfAbsent(e.eventId(), e));
            assertThat(firstDeliveries.keySet()).extracting(UUID::toString).containsExactlyInAnyOrderElementsOf(ids);
            Map<String, Integer> lastSequencePerKey = new HashMap<>();
            for (EventEnvelope event : firstDeliveries.values()) {
                int sequence = ((Number) event.metadata().get("sequence")).intValue();
                Integer previous = lastSequencePerKey.put(event.resourceId(), sequence);
                assertThat(previous == null || previous < sequence)
                        .as("order of %s: %s after %s", event.resourceId(), sequence, previous).isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingCount() == 0);
        }
    }

    private static String record(String resourceId, int sequence) {
        return transactions.execute(status -> recorder.record(
                DomainEvent.of("outage.recorded", "OutageProbe", resourceId, Action.UPDATE)
                        .tenant(UUID.randomUUID()).with("sequence", sequence)).eventId().toString());
    }

    private static boolean isPublished(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select published_at is not null from outbox_event where event_id = ?::uuid",
                Boolean.class, eventId));
    }

    private static int pendingCount() {
        return jdbc.queryForObject("select count(*) from outbox_event where published_at is null and event_type = 'outage.recorded'",
                Integer.class);
    }

    private static HikariDataSource freshDatabase() {
        TestInfrastructure.Database shared = TestInfrastructure.postgres();
        String name = "outbox_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new JdbcTemplate(new DriverManagerDataSource(shared.jdbcUrl(), shared.username(), shared.password()))
                .execute("create database " + name);
        String url = shared.jdbcUrl().substring(0, shared.jdbcUrl().lastIndexOf('/') + 1) + name;
        HikariDataSource pooled = new HikariDataSource();
        pooled.setJdbcUrl(url);
        pooled.setUsername(shared.username());
        pooled.setPassword(shared.password());
        pooled.setMaximumPoolSize(4);
        return pooled;
    }
}
