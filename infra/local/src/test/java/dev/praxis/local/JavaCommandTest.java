package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTest {

    @Test
    void usesSmallFootprintOptionsByDefault() {
        assertThat(JavaCommand.options(Map.of())).containsExactly("-XX:+UseSerialGC", "-Xms32m", "-Xmx512m",
                "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
        assertThat(JavaCommand.options(Map.of("PRAXIS_JAVA_OPTS", "  "))).isEqualTo(JavaCommand.SMALL_FOOTPRINT);
    }

    @Test
    void praxisJavaOptsReplacesTheDefaults() {
        assertThat(JavaCommand.options(Map.of("PRAXIS_JAVA_OPTS", " -Xmx512m  -XX:+UseG1GC ")))
                .containsExactly("-Xmx512m", "-XX:+UseG1GC");
    }

    @Test
    void runsAJarWithThisJvmsJava() {
        List<String> command = JavaCommand.fromOptions(List.of("-Xmx64m")).jar(Path.of("/x/discovery.jar"), "--debug");

        assertThat(command).containsExactly(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-jar",
                "/x/discovery.jar", "--debug");
    }
}
