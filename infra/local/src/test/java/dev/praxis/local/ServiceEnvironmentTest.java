package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ServiceEnvironmentTest {

    @Test
    void givesAServiceWithADatabaseTheWholeContract() {
        Map<String, String> env = ServiceEnvironment.of(Services.byName("scheduling-service"), StackPorts.defaults(), true);

        assertThat(env).containsExactly(
                entry("PORT", "9002"),
                entry("SPRING_PROFILES_ACTIVE", "local"),
                entry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/praxis_scheduling"),
                entry("DATABASE_USERNAME", "postgres"),
                entry("DATABASE_PASSWORD", ""),
                entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                entry("EUREKA_URL", "http://localhost:8761/eureka/"),
                entry("ZIPKIN_URL", "http://localhost:9411/api/v2/spans"),
                entry("SMTP_HOST", "localhost"),
                entry("SMTP_PORT", "3025"),
                entry("JWKS_URI", "http://localhost:9001/.well-known/jwks.json"));
    }

    @Test
    void givesTheGatewayNoDatabase() {
        Map<String, String> env = ServiceEnvironment.of(Services.byName("gateway"), StackPorts.defaults(), true);

        assertThat(env).containsEntry("PORT", "8000").doesNotContainKeys("DATABASE_URL", "DATABASE_USERNAME",
                "DATABASE_PASSWORD");
    }

    @Test
    void followsTheStacksPorts() {
        StackPorts ports = StackPorts.free();
        Map<String, String> env = ServiceEnvironment.of(Services.byName("lab-service"), ports, true);

        assertThat(env).containsEntry("PORT", String.valueOf(ports.service("lab-service")))
                .containsEntry("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/praxis_lab")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka())
                .containsEntry("EUREKA_URL", "http://localhost:" + ports.discovery() + "/eureka/")
                .containsEntry("ZIPKIN_URL", "http://localhost:" + ports.zipkin() + "/api/v2/spans")
                .containsEntry("SMTP_PORT", String.valueOf(ports.smtp()))
                .containsEntry("JWKS_URI", "http://localhost:" + ports.service("auth-service") + "/.well-known/jwks.json");
    }

    @Test
    void turnsTracingSamplingOffWithoutZipkin() {
        assertThat(ServiceEnvironment.of(Services.byName("auth-service"), StackPorts.defaults(), false))
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.0");
        assertThat(ServiceEnvironment.of(Services.byName("auth-service"), StackPorts.defaults(), true))
                .doesNotContainKey("MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
    }

    @Test
    void runsDiscoveryOnItsOwnPort() {
        StackPorts ports = StackPorts.free();

        assertThat(ServiceEnvironment.of(Services.DISCOVERY, ports, true))
                .containsEntry("PORT", String.valueOf(ports.discovery()))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local");
    }
}
