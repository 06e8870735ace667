package dev.praxis.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Command lines for the child JVMs: this JVM's {@code java}, small-footprint options, {@code -jar}. */
final class JavaCommand {

    static final String OPTIONS_VARIABLE = "PRAXIS_JAVA_OPTS";

    /**
     * Ten JVMs share a laptop: serial GC and metaspace and code-cache ceilings keep each one small; the heap starts at
     * 32 MB and grows only under load. The ceiling is 512 MB, not 256: under the benchmark (infra/bench) a 256 MB
     * gateway or scheduling-service spent ~9 s of a 6-minute run in GC, with 7-10 full collections each. The bench's
     * two proxy floors start with the same options (infra/bench, {@code Bench.launcherJavaOptions}): change both.
     */
    static final List<String> SMALL_FOOTPRINT = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx512m", "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m",
            "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    private final Path java;
    private final List<String> options;

    JavaCommand(Path java, List<String> options) {
        this.java = java;
        this.options = List.copyOf(options);
    }

    /** The running JVM's own {@code java} executable with these options. */
    static JavaCommand fromOptions(List<String> options) {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), options);
    }

    /** {@code PRAXIS_JAVA_OPTS} from {@code environment}, replacing the small-footprint defaults when set. */
    static List<String> options(Map<String, String> environment) {
        String override = environment.getOrDefault(OPTIONS_VARIABLE, "").trim();
        return override.isEmpty() ? SMALL_FOOTPRINT : Arrays.asList(override.split("\\s+"));
    }

    List<String> options() {
        return options;
    }

    List<String> jar(Path jar, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
