package dev.praxis.test;

import dev.praxis.contracts.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Watches topics from the moment it is opened and keeps what arrives, so tests can wait for (or rule out) events.
 * <pre>{@code
 * try (KafkaProbe probe = KafkaProbe.open(Topics.SCHEDULING)) {
 *     ... act ...
 *     EventEnvelope created = probe.awaitEvent(e -> e.eventType().equals("client.created"));
 * }}</pre>
 */
public final class KafkaProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean open = true;

    private KafkaProbe(String bootstrapServers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = Awaitility.await("topic " + topic + " exists").atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), list -> list != null && !list.isEmpty());
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** A probe on the shared test broker. Topics that do not exist yet are created (the broker auto-creates). */
    public static KafkaProbe open(String... topics) {
        return openOn(TestInfrastructure.kafkaBootstrapServers(), topics);
    }

    public static KafkaProbe openOn(String bootstrapServers, String... topics) {
        return new KafkaProbe(bootstrapServers, List.of(topics));
    }

    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    /** Every record received so far, parsed as an event envelope. */
    public List<EventEnvelope> events() {
        return records.stream().map(record -> parse(record.value())).toList();
    }

    public EventEnvelope awaitEvent(Predicate<EventEnvelope> matching) {
        return awaitEvents(matching, 1).get(0);
    }

    /** Waits (up to 30 s) until at least {@code count} matching events have arrived and returns them in arrival order. */
    public List<EventEnvelope> awaitEvents(Predicate<EventEnvelope> matching, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> events().stream().filter(matching).toList(), found -> found.size() >= count);
    }

    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matching,
                                                             int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> records.stream().filter(matching).toList(), found -> found.size() >= count);
    }

    public static EventEnvelope parse(String json) {
        return JSON.readValue(json, EventEnvelope.class);
    }

    private void poll() {
        try {
            while (open) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        open = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
