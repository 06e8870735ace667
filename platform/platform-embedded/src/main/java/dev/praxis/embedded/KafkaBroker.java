package dev.praxis.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), running in this JVM.
 * <p>
 * Unlike spring-kafka-test's {@code EmbeddedKafkaKraftBroker} it keeps its ports and its log directory across
 * {@link #stop()} and {@link #start()}: tests use that to take the broker away and bring it back, and the local launcher
 * to keep topics across restarts. A broker made by {@link #onFreePorts()} owns its temporary log directory and removes
 * it on {@link #close()}; a log directory given to the constructor is the caller's and stays.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean ownsLogDir;
    private KafkaRaftServer server;

    public KafkaBroker(int port, int controllerPort, Path logDir) {
        this(port, controllerPort, logDir, false);
    }

    private KafkaBroker(int port, int controllerPort, Path logDir, boolean ownsLogDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.ownsLogDir = ownsLogDir;
    }

    /** A broker on free ports with a fresh temporary log directory. */
    public static KafkaBroker onFreePorts() {
        try {
            return new KafkaBroker(Ports.free(), Ports.free(), Files.createTempDirectory("praxis-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(logDir);
            KafkaConfig config = new KafkaConfig(brokerProperties(), false);
            formatIfNeeded();
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return this;
        } catch (Exception e) {
            server = null;
            throw new IllegalStateException("Kafka broker did not start on port " + port, e);
        }
    }

    /** Shuts the broker down and waits for it; its data stays in the log directory. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Stops the broker; a temporary log directory ({@link #onFreePorts()}) is removed with everything in it. */
    @Override
    public synchronized void close() {
        stop();
        if (ownsLogDir) {
            deleteRecursively(logDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> brokerProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "168");
        return props;
    }

    private void formatIfNeeded() throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setIgnoreFormatted(true)
                .run();
    }
}
