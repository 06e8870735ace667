package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StackPortsTest {

    @Test
    void defaultsAreTheDocumentedPorts() {
        StackPorts ports = StackPorts.defaults();

        assertThat(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.smtp(), ports.zipkin(),
                ports.discovery())).containsExactly(5432, 9092, 9093, 3025, 9411, 8761);
        assertThat(ports.service("gateway")).isEqualTo(8000);
        assertThat(ports.service("storage-service")).isEqualTo(9007);
        assertThat(ports.service("discovery")).isEqualTo(8761);
    }

    @Test
    void freePortsAreDistinctAndCoverEveryService() {
        StackPorts ports = StackPorts.free();
        List<Integer> all = new ArrayList<>(List.of(ports.postgres(), ports.kafka(), ports.kafkaController(),
                ports.smtp(), ports.zipkin(), ports.discovery()));
        Services.TABLE.forEach(spec -> all.add(ports.service(spec.name())));

        assertThat(all).doesNotHaveDuplicates().doesNotContain(5432, 9092, 8761, 8000, 9001);
    }

    @Test
    void overridesOnlyThePostgresPort() {
        StackPorts ports = StackPorts.defaults().withPostgres(15432);

        assertThat(ports.postgres()).isEqualTo(15432);
        assertThat(ports.kafka()).isEqualTo(9092);
    }
}
