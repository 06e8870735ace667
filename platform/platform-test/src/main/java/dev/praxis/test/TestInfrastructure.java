package dev.praxis.test;

import dev.praxis.embedded.KafkaBroker;
import dev.praxis.embedded.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Locale;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use and shared by every Spring context.
 * <p>
 * With a Docker daemon they are Testcontainers; without one (our build machines) they are embedded PostgreSQL
 * binaries and an in-process KRaft broker. The choice is made once; {@code -Dpraxis.test.infra=embedded|docker}
 * (or the environment variable {@code PRAXIS_TEST_INFRA}) forces it. Nothing is ever skipped.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String DATABASE = "praxis_test";

    private static Mode mode;
    private static Database database;
    private static String kafkaBootstrapServers;

    private TestInfrastructure() {
    }

    public enum Mode { DOCKER, EMBEDDED }

    /** JDBC coordinates of the shared test database. */
    public record Database(String jdbcUrl, String username, String password) {
    }

    public static synchronized Mode mode() {
        if (mode == null) {
            mode = chooseMode();
            log.info("test infrastructure: {}", mode);
        }
        return mode;
    }

    public static synchronized Database postgres() {
        if (database == null) {
            database = mode() == Mode.DOCKER ? startPostgresContainer() : startEmbeddedPostgres();
        }
        return database;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = mode() == Mode.DOCKER ? startKafkaContainer() : startEmbeddedKafka();
        }
        return kafkaBootstrapServers;
    }

    static Mode chooseMode() {
        String forced = System.getProperty("praxis.test.infra", System.getenv("PRAXIS_TEST_INFRA"));
        if (forced != null && !forced.isBlank() && !forced.equalsIgnoreCase("auto")) {
            return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        return dockerAvailable() ? Mode.DOCKER : Mode.EMBEDDED;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Database startEmbeddedPostgres() {
        PostgresServer server = PostgresServer.startTemporary();
        server.ensureDatabase(DATABASE);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-postgres"));
        return new Database(server.jdbcUrl(DATABASE), PostgresServer.SUPERUSER, "");
    }

    private static String startEmbeddedKafka() {
        KafkaBroker broker = KafkaBroker.onFreePorts().start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-kafka"));
        return broker.bootstrapServers();
    }

    @SuppressWarnings("resource")
    private static Database startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName(DATABASE);
        container.start();
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @SuppressWarnings("resource")
    private static String startKafkaContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.0");
        container.start();
        return container.getBootstrapServers();
    }
}
