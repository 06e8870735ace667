package dev.praxis.local;

import java.nio.file.Path;
import java.util.Map;

/** {@code java -jar infra/local/target/local.jar}: starts the suite in the foreground until Ctrl-C. */
public final class PraxisLocal {

    private PraxisLocal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> environment = System.getenv();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }

        Path root = RepoRoot.fromWorkingDirectory();
        DataDir data = new DataDir(root.resolve(".praxis"));
        // Kafka, PostgreSQL and GreenMail log in this JVM; keep the terminal for the launcher's own lines.
        System.setProperty("org.slf4j.simpleLogger.logFile", data.log("launcher").toString());

        StackPorts ports = StackPorts.defaults();
        if (options.postgresPort().isPresent()) {
            ports = ports.withPostgres(options.postgresPort().getAsInt());
        }
        LocalStack stack = LocalStack.builder()
                .root(root)
                .dataDir(data.root())
                .ports(ports)
                .withZipkin(options.zipkin())
                .reset(options.reset())
                .healthTimeout(options.healthTimeout())
                .javaOptions(JavaCommand.options(environment))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "praxis-local-shutdown"));

        try {
            System.out.println(Banner.render(stack.start()));
        } catch (RuntimeException e) {
            if (stack.isStopping()) {
                return;   // Ctrl-C during start-up: the shutdown hook is stopping what had started.
            }
            System.err.println();
            System.err.println("Praxis did not start: " + e.getMessage());
            if (e instanceof StackStartupException startup && !startup.logTail().isEmpty()) {
                System.err.println("--- last lines of its log ---");
                startup.logTail().forEach(System.err::println);
            }
            System.exit(1);
        }
        stack.awaitStopped();
    }
}
