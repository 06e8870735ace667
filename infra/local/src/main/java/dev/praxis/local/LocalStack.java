package dev.praxis.local;

import dev.praxis.embedded.KafkaBroker;
import dev.praxis.embedded.Ports;
import dev.praxis.embedded.PostgresServer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The whole suite on one machine: PostgreSQL, Kafka (KRaft), SMTP and Zipkin, then discovery, every built service
 * and the gateway, each started only once the one before it passes a real readiness check.
 * <p>
 * {@link #start()} returns a {@link RunningStack}; {@link #close()} (or the running stack's) stops whatever has been
 * started so far, in reverse order, also while {@link #start()} is still in progress on another thread (Ctrl-C).
 */
public final class LocalStack implements AutoCloseable {

    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);
    static final String ZIPKIN_JAR = "infra/local/target/zipkin-server-exec.jar";

    private final Path repoRoot;
    private final DataDir data;
    private final StackPorts ports;
    private final boolean zipkin;
    private final boolean reset;
    private final JavaCommand java;
    private final Readiness readiness;
    private final Consumer<String> progress;

    private final ReentrantLock lifecycle = new ReentrantLock();
    private final Deque<Running> running = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private LockFile lock;

    private LocalStack(Builder builder) {
        this.repoRoot = builder.repoRoot;
        this.data = new DataDir(builder.dataDir == null ? repoRoot.resolve(".praxis") : builder.dataDir);
        this.ports = builder.ports;
        this.zipkin = builder.zipkin;
        this.reset = builder.reset;
        this.java = JavaCommand.fromOptions(builder.javaOptions);
        this.readiness = new Readiness(builder.healthTimeout, () -> stopping);
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RunningStack start() {
        lifecycle.lock();
        try {
            if (stopping) {
                throw new IllegalStateException("This stack has been stopped; build a new one.");
            }
            long began = System.nanoTime();
            lock = LockFile.acquire(data.lockFile());
            if (reset) {
                progress.accept("Wiping " + data.root());
                data.wipeExceptLock();
            }
            data.createDirectories();
            List<ServiceSpec> services = Services.built(repoRoot);
            requireBuilt(Services.DISCOVERY.jar(repoRoot), "discovery");
            requireFree(portsToBind(services));

            startPostgres();
            startKafka();
            startMailServer();
            if (zipkin) {
                startZipkin();
            }
            startService(Services.DISCOVERY, Probes::healthUp);
            for (ServiceSpec service : services) {
                startService(service, Probes::answers200);
            }
            return new RunningStack(this::close, ports, services.stream().map(ServiceSpec::name).toList(), zipkin, data,
                    Duration.ofNanos(System.nanoTime() - began));
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Stops everything started so far, in reverse order, and removes the lock file. Safe to call more than once. */
    @Override
    public void close() {
        stopping = true;
        lifecycle.lock();
        try {
            stopAll();
        } finally {
            lifecycle.unlock();
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /** Blocks until {@link #close()} has stopped the stack. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void startPostgres() {
        step("PostgreSQL on port " + ports.postgres(), () -> {
            PostgresServer postgres = PostgresServer.start(ports.postgres(), data.postgres());
            running.push(new Running("PostgreSQL", postgres));
            // ensureDatabase opens a real connection: the readiness check and the set-up in one.
            Services.databases().forEach(postgres::ensureDatabase);
        });
    }

    private void startKafka() {
        step("Kafka on port " + ports.kafka(), () -> {
            KafkaBroker kafka = new KafkaBroker(ports.kafka(), ports.kafkaController(), data.kafka());
            running.push(new Running("Kafka", kafka));
            kafka.start();
            readiness.await("Kafka", () -> Probes.kafkaReady(kafka.bootstrapServers()));
        });
    }

    private void startMailServer() {
        step("SMTP on port " + ports.smtp(), () -> {
            MailServer mail = MailServer.start(ports.smtp(), new MailLog(data.mailLog(), Clock.systemUTC()));
            running.push(new Running("SMTP", mail));
            readiness.await("SMTP", () -> Probes.smtpGreets(ports.smtp()));
        });
    }

    private void startZipkin() {
        Path jar = repoRoot.resolve(ZIPKIN_JAR);
        requireBuilt(jar, "infra/local");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUERY_PORT", String.valueOf(ports.zipkin()));
        environment.put("STORAGE_TYPE", "mem");
        environment.put("MEM_MAX_SPANS", "50000");
        // Zipkin reads KAFKA_BOOTSTRAP_SERVERS and friends too; spans reach it over HTTP only.
        environment.put("COLLECTOR_KAFKA_ENABLED", "false");
        environment.put("COLLECTOR_RABBITMQ_ENABLED", "false");
        environment.put("COLLECTOR_PULSAR_ENABLED", "false");
        startChild("zipkin", java.jar(data.runnableCopyOf(jar)), environment,
                URI.create("http://localhost:" + ports.zipkin() + "/health"), Probes::answers200);
    }

    private void startService(ServiceSpec service, Predicate<URI> healthy) {
        int port = ports.of(service);
        startChild(service.name(), java.jar(data.runnableCopyOf(service.jar(repoRoot))),
                ServiceEnvironment.of(service, ports, zipkin),
                URI.create("http://localhost:" + port + "/actuator/health"), healthy);
    }

    private void startChild(String name, List<String> command, Map<String, String> environment, URI health,
                            Predicate<URI> healthy) {
        step(name + " on " + health.getAuthority(), () -> {
            ChildProcess child = ChildProcess.start(name, command, environment, data.log(name));
            running.push(new Running(name, child));
            readiness.await(child, () -> healthy.test(health));
            child.onUnexpectedExit(() -> {
                if (!stopping) {
                    progress.accept("! " + name + " exited with code " + child.exitValue() + "; see " + child.log());
                }
            });
        });
    }

    private void step(String what, Runnable start) {
        if (stopping) {
            throw new StackStartupException("Stopped before starting " + what);
        }
        progress.accept("Starting " + what + " ...");
        long began = System.nanoTime();
        start.run();
        progress.accept("  ready in " + seconds(Duration.ofNanos(System.nanoTime() - began)));
    }

    private void stopAll() {
        boolean anything = !running.isEmpty();
        if (anything) {
            progress.accept(stopping ? "Stopping Praxis ..." : "Stopping what had started ...");
        }
        while (!running.isEmpty()) {
            Running part = running.pop();
            try {
                part.resource().close();
                progress.accept("  stopped " + part.name());
            } catch (Exception e) {
                progress.accept("  could not stop " + part.name() + ": " + e.getMessage());
            }
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
        if (anything) {
            progress.accept("Stopped.");
        }
        stopped.countDown();
    }

    private List<PortUse> portsToBind(List<ServiceSpec> services) {
        List<PortUse> uses = new ArrayList<>(List.of(
                new PortUse(ports.postgres(), "PostgreSQL"),
                new PortUse(ports.kafka(), "Kafka"),
                new PortUse(ports.kafkaController(), "Kafka controller"),
                new PortUse(ports.smtp(), "SMTP"),
                new PortUse(ports.discovery(), "discovery")));
        if (zipkin) {
            uses.add(new PortUse(ports.zipkin(), "Zipkin"));
        }
        services.forEach(service -> uses.add(new PortUse(ports.of(service), service.name())));
        return uses;
    }

    static void requireFree(List<PortUse> uses) {
        for (PortUse use : uses) {
            if (Ports.isListening(use.port())) {
                throw new StackStartupException("Port " + use.port() + " (" + use.owner() + ") is already in use."
                        + " Is another Praxis stack, or an old process of one, still running?");
            }
        }
    }

    private static void requireBuilt(Path jar, String module) {
        if (!Files.isRegularFile(jar)) {
            throw new StackStartupException(jar + " is missing: build " + module + " first (./mvnw install).");
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    record PortUse(int port, String owner) {
    }

    private record Running(String name, AutoCloseable resource) {
    }

    public static final class Builder {

        private Path repoRoot;
        private Path dataDir;
        private StackPorts ports = StackPorts.defaults();
        private boolean zipkin = true;
        private boolean reset;
        private Duration healthTimeout = DEFAULT_HEALTH_TIMEOUT;
        private List<String> javaOptions = JavaCommand.options(System.getenv());
        private Consumer<String> progress = System.out::println;

        private Builder() {
        }

        /** The repository root, where the modules' jars are; by default found upwards from the working directory. */
        public Builder root(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Where data, logs and the lock file live; {@code <root>/.praxis} by default. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder ports(StackPorts ports) {
            this.ports = Objects.requireNonNull(ports);
            return this;
        }

        public Builder withZipkin(boolean zipkin) {
            this.zipkin = zipkin;
            return this;
        }

        /** Wipe the data directory before starting. */
        public Builder reset(boolean reset) {
            this.reset = reset;
            return this;
        }

        /** How long each part may take to become ready. */
        public Builder healthTimeout(Duration healthTimeout) {
            this.healthTimeout = Objects.requireNonNull(healthTimeout);
            return this;
        }

        /** Options for every child JVM; by default {@code PRAXIS_JAVA_OPTS} or a small-footprint set. */
        public Builder javaOptions(List<String> javaOptions) {
            this.javaOptions = List.copyOf(javaOptions);
            return this;
        }

        /** Where progress lines go; standard output by default. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public LocalStack build() {
            if (repoRoot == null) {
                repoRoot = RepoRoot.fromWorkingDirectory();
            }
            return new LocalStack(this);
        }
    }
}
