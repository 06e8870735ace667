package dev.praxis.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void keepsItsPortAndDataAcrossARestart(@TempDir Path dir) throws Exception {
        try (KafkaBroker broker = new KafkaBroker(Ports.free(), Ports.free(), dir).start()) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-test", "k", "before restart")).get();
            }

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.isListening(broker.port())).isFalse();
            broker.start();

            assertThat(consumeAll(broker, "restart-test", 1)).containsExactly("before restart");
        }
        assertThat(dir).as("a log directory the caller gave stays").isNotEmptyDirectory();
    }

    @Test
    void removesItsTemporaryLogDirectoryOnClose() throws Exception {
        Path logDir;
        try (KafkaBroker broker = KafkaBroker.onFreePorts().start()) {
            logDir = broker.logDir();
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("temporary-test", "k", "v")).get();
            }
            assertThat(logDir).isNotEmptyDirectory();
        }
        assertThat(logDir).doesNotExist();
    }

    private static List<String> consumeAll(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
