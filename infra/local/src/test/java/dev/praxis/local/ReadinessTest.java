package dev.praxis.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReadinessTest {

    @TempDir
    Path dir;

    @Test
    void returnsOnceTheCheckPasses() {
        AtomicInteger attempts = new AtomicInteger();

        new Readiness(Duration.ofSeconds(10), () -> false).await("thing", () -> attempts.incrementAndGet() == 3);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void failsWhenTheTimeIsUp() {
        assertThatThrownBy(() -> new Readiness(Duration.ofMillis(300), () -> false).await("slow thing", () -> false))
                .isInstanceOf(StackStartupException.class)
                .hasMessage("slow thing was not ready within 0 s");
    }

    @Test
    void givesUpWhenTheStackIsBeingStopped() {
        assertThatThrownBy(() -> new Readiness(Duration.ofMinutes(5), () -> true).await("thing", () -> false))
                .hasMessage("Stopped while waiting for thing");
    }

    @Test
    void failsAtOnceWithTheEndOfItsLogWhenAChildExits() {
        ChildProcess child = ChildProcess.start("broken", List.of("bash", "-c",
                "for i in $(seq 1 100); do echo line $i; done; exit 7"), Map.of(), dir.resolve("broken.log"));

        StackStartupException failure = catchThrowableOfType(StackStartupException.class,
                () -> new Readiness(Duration.ofMinutes(5), () -> false).await(child, () -> false));

        assertThat(failure).hasMessageContaining("broken exited with code 7").hasMessageContaining("broken.log");
        assertThat(failure.logTail()).hasSize(40).endsWith("line 100").startsWith("line 61");
    }
}
