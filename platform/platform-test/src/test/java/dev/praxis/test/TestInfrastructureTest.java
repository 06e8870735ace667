package dev.praxis.test;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty("praxis.test.infra");
    }

    @Test
    void usesTestcontainersExactlyWhenADockerDaemonAnswers() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();

        assertThat(TestInfrastructure.chooseMode())
                .isEqualTo(docker ? TestInfrastructure.Mode.DOCKER : TestInfrastructure.Mode.EMBEDDED);
    }

    @Test
    void modeCanBeForced() {
        System.setProperty("praxis.test.infra", "docker");
        assertThat(TestInfrastructure.chooseMode()).isEqualTo(TestInfrastructure.Mode.DOCKER);
        System.setProperty("praxis.test.infra", "embedded");
        assertThat(TestInfrastructure.chooseMode()).isEqualTo(TestInfrastructure.Mode.EMBEDDED);
    }

    @Test
    void providesARealPostgresql() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet rs = connection.createStatement().executeQuery("show server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("17");
        }
        assertThat(TestInfrastructure.postgres()).as("one per JVM").isSameAs(database);
    }

    @Test
    void providesARealKafkaBroker() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void testTokensAreVerifiableAgainstTheServedJwkSet() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestJwts.jwkSetUri())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"kid\":\"" + TestJwts.KEY_ID + "\"").contains("\"alg\":\"RS256\"");
    }
}
