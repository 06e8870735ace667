package dev.praxis.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A started stack: where each part answers, and {@link #close()} to stop it all. */
public final class RunningStack implements AutoCloseable {

    private final Runnable stop;
    private final StackPorts ports;
    private final List<String> services;
    private final boolean zipkin;
    private final DataDir data;
    private final Duration startupTime;

    RunningStack(Runnable stop, StackPorts ports, List<String> services, boolean zipkin, DataDir data,
                 Duration startupTime) {
        this.stop = stop;
        this.ports = ports;
        this.services = List.copyOf(services);
        this.zipkin = zipkin;
        this.data = data;
        this.startupTime = startupTime;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public StackPorts ports() {
        return ports;
    }

    /** The services (modules of the services table, gateway included) that were built and so started. */
    public List<String> services() {
        return services;
    }

    public boolean isRunning(String service) {
        return services.contains(service);
    }

    /** Every database the stack creates, one per service that owns one, built or not. */
    public List<String> databases() {
        return Services.databases();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String smtpHost() {
        return "localhost";
    }

    public URI discoveryUrl() {
        return localhost(ports.discovery());
    }

    public URI eurekaUrl() {
        return discoveryUrl().resolve("/eureka/");
    }

    public Optional<URI> zipkinUrl() {
        return zipkin ? Optional.of(localhost(ports.zipkin())) : Optional.empty();
    }

    public Optional<URI> gatewayUrl() {
        return serviceUrl(Services.GATEWAY);
    }

    public Optional<URI> serviceUrl(String service) {
        return isRunning(service) ? Optional.of(localhost(ports.service(service))) : Optional.empty();
    }

    public Path dataDir() {
        return data.root();
    }

    public Path logsDir() {
        return data.logs();
    }

    public Path mailLog() {
        return data.mailLog();
    }

    public Path lockFile() {
        return data.lockFile();
    }

    /** Every TCP port this stack listens on. */
    public List<Integer> boundPorts() {
        List<Integer> bound = new ArrayList<>(List.of(
                ports.postgres(), ports.kafka(), ports.kafkaController(), ports.smtp(), ports.discovery()));
        if (zipkin) {
            bound.add(ports.zipkin());
        }
        services.forEach(service -> bound.add(ports.service(service)));
        return bound;
    }

    /** Stops the whole stack, in reverse start order, and removes the lock file. */
    @Override
    public void close() {
        stop.run();
    }

    private static URI localhost(int port) {
        return URI.create("http://localhost:" + port);
    }
}
