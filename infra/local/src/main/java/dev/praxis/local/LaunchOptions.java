package dev.praxis.local;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** What the command line and the environment ask of the launcher. */
record LaunchOptions(boolean reset, boolean zipkin, boolean help, OptionalInt postgresPort, Duration healthTimeout) {

    static final String USAGE = """
            Usage: ./praxis-local [--offline] [--reset] [--no-zipkin] [--help]

              --offline    build with Maven offline (handled by the ./praxis-local script)
              --reset      wipe .praxis/ (databases, Kafka topics, logs) before starting
              --no-zipkin  do not start Zipkin (saves memory; services then sample no traces)
              --help       show this help

            Environment:
              PRAXIS_PG_PORT          PostgreSQL port (default 5432)
              PRAXIS_JAVA_OPTS        options for every child JVM (default: %s)
              PRAXIS_LAUNCHER_OPTS    options for the launcher JVM itself, which hosts Kafka (see ./praxis-local)
              PRAXIS_HEALTH_TIMEOUT   seconds each part may take to become ready (default %d)
            """.formatted(String.join(" ", JavaCommand.SMALL_FOOTPRINT), LocalStack.DEFAULT_HEALTH_TIMEOUT.toSeconds());

    static LaunchOptions parse(String[] args, Map<String, String> environment) {
        boolean reset = false;
        boolean zipkin = true;
        boolean help = false;
        for (String arg : args) {
            switch (arg) {
                case "--reset" -> reset = true;
                case "--no-zipkin" -> zipkin = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return new LaunchOptions(reset, zipkin, help,
                integer(environment, "PRAXIS_PG_PORT").map(OptionalInt::of).orElse(OptionalInt.empty()),
                integer(environment, "PRAXIS_HEALTH_TIMEOUT").map(Duration::ofSeconds)
                        .orElse(LocalStack.DEFAULT_HEALTH_TIMEOUT));
    }

    private static Optional<Integer> integer(Map<String, String> environment, String name) {
        String value = environment.getOrDefault(name, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
