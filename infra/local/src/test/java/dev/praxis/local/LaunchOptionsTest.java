package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchOptionsTest {

    @Test
    void startsEverythingKeepingDataByDefault() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of());

        assertThat(options).isEqualTo(new LaunchOptions(false, true, false, OptionalInt.empty(),
                LocalStack.DEFAULT_HEALTH_TIMEOUT));
    }

    @Test
    void readsTheFlags() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--reset", "--no-zipkin", "--help"}, Map.of());

        assertThat(options.reset()).isTrue();
        assertThat(options.zipkin()).isFalse();
        assertThat(options.help()).isTrue();
    }

    @Test
    void readsPortAndTimeoutFromTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(new String[0],
                Map.of("PRAXIS_PG_PORT", "15432", "PRAXIS_HEALTH_TIMEOUT", "300"));

        assertThat(options.postgresPort()).hasValue(15432);
        assertThat(options.healthTimeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--rest"}, Map.of()))
                .hasMessageContaining("--rest");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[0], Map.of("PRAXIS_PG_PORT", "five")))
                .hasMessageContaining("PRAXIS_PG_PORT");
    }

    @Test
    void usageNamesEveryOption() {
        assertThat(LaunchOptions.USAGE).contains("--reset", "--no-zipkin", "--offline", "--help", "PRAXIS_PG_PORT",
                "PRAXIS_JAVA_OPTS", "PRAXIS_HEALTH_TIMEOUT");
    }
}
