package dev.praxis.e2e;

import dev.praxis.embedded.Ports;
import dev.praxis.local.LocalStack;
import dev.praxis.local.RunningStack;
import dev.praxis.local.StackPorts;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real stack through the launcher, as {@code ./praxis-local} does, and talks to it only from outside:
 * HTTP, JDBC, the Kafka protocol and SMTP.
 * <p>
 * One stack for the whole class (it takes a while to start): every scenario is a {@code @Test} that uses it and
 * leaves it usable for the next. Its ports are all free ones, so a developer's running stack does not get in the way.
 * Stopping it, and proving it left nothing behind, is part of the suite ({@link #stopStackAndCheckNothingIsLeft()}).
 */
class StackE2ETest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path dataDir;
    private static LocalStack launcher;
    private static RunningStack stack;

    @BeforeAll
    static void startStack() throws IOException {
        dataDir = Files.createTempDirectory("praxis-e2e");
        launcher = LocalStack.builder()
                .dataDir(dataDir)
                .ports(StackPorts.free())
                // Every built service starts one after the other; on a busy 2-core machine one can take over a minute.
                .healthTimeout(Duration.ofMinutes(3))
                // No scenario reads traces yet, and on a 2-core machine Zipkin adds ~10 s and ~200 MB to every run.
                .withZipkin(false)
                .build();
        stack = launcher.start();
    }

    @AfterAll
    static void stopStackAndCheckNothingIsLeft() throws IOException {
        List<ProcessHandle> processes = ProcessHandle.current().descendants().toList();
        List<Integer> ports = stack == null ? List.of() : stack.boundPorts();

        launcher.close();

        try {
            assertThat(processes).as("processes the stack started").isNotEmpty().noneMatch(ProcessHandle::isAlive);
            assertThat(ports).as("ports the stack listened on").isNotEmpty().noneMatch(Ports::isListening);
            assertThat(dataDir.resolve("launcher.pid")).doesNotExist();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    @Test
    void discoveryIsHealthy() {
        HttpResponse<String> health = get(stack.discoveryUrl().resolve("/actuator/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void eurekaAnswersWithItsRegistry() {
        HttpResponse<String> apps = get(stack.eurekaUrl().resolve("apps"));

        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("\"applications\"");
    }

    @Test
    void postgresServesEveryServiceDatabase() throws Exception {
        assertThat(stack.databases()).contains("praxis_auth", "praxis_scheduling");
        for (String database : stack.databases()) {
            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "");
                 ResultSet result = connection.createStatement().executeQuery("select current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(database);
            }
        }
    }

    @Test
    void kafkaCarriesAMessageFromProducerToConsumer() throws Exception {
        String topic = "e2e." + UUID.randomUUID();
        String value = "ping " + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }

        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
                return received.contains(value);
            });
        }
    }

    @Test
    void smtpAcceptsMailAndTheMailLogShowsIt() throws Exception {
        String subject = "Your sign-in link " + UUID.randomUUID();
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", stack.smtpHost());
        smtp.put("mail.smtp.port", String.valueOf(stack.ports().smtp()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("no-reply@praxis.dev"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("ana@example.com"));
        message.setSubject(subject);
        message.setText("Sign in: http://localhost:8000/magic?token=e2e");

        Transport.send(message);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stack.mailLog()).isRegularFile()
                .content().contains("Subject: " + subject, "To: ana@example.com",
                        "Sign in: http://localhost:8000/magic?token=e2e"));
    }

    /** A practice signs up, books, is refused a double booking, is audited, and signs out — through the gateway. */
    @Nested
    class ThroughTheGateway {

        HttpTestClient gateway() {
            return HttpTestClient.at(stack.gatewayUrl().orElseThrow().toString());
        }

        @Test
        void aPracticeSignsUpBooksAClientAndCannotDoubleBook() {
            ApiScenarios.Practice practice = ApiScenarios.signUp(gateway(), "Calm Waters Therapy");
            HttpTestClient owner = gateway().bearer(practice.token());

            Response me = owner.get("/api/v1/auth/me");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("tenant_id").asString()).isEqualTo(practice.tenantId());

            String service = ApiScenarios.create(owner, "/api/v1/services", Map.of("name", "Deep Tissue Massage",
                    "default_duration_minutes", 60, "is_active", true));
            String location = ApiScenarios.create(owner, "/api/v1/locations", Map.of("name", "Main Clinic",
                    "location_type", "clinic", "address", "123 Therapy Lane"));
            String client = ApiScenarios.create(owner, "/api/v1/clients", Map.of("first_name", "John",
                    "last_name", "Doe", "email", "john.doe@example.com", "consent_status", true));
            Map<String, Object> booking = Map.of("client_id", client, "service_id", service, "location_id", location,
                    "scheduled_start", "2030-10-01T10:00:00Z", "scheduled_end", "2030-10-01T11:00:00Z",
                    "location_type", "clinic", "status", "scheduled");
            String appointment = ApiScenarios.create(owner, "/api/v1/appointments", booking);

            Map<String, Object> overlapping = new java.util.HashMap<>(booking);
            overlapping.put("scheduled_start", "2030-10-01T10:30:00Z");
            overlapping.put("scheduled_end", "2030-10-01T11:30:00Z");
            Response conflict = owner.post("/api/v1/appointments", overlapping);
            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.detail().get("conflicting_appointments").get(0).get("id").asString())
                    .isEqualTo(appointment);

            Response week = owner.get("/api/v1/appointments?start_date=2030-09-29T00:00:00Z&end_date=2030-10-06T00:00:00Z");
            assertThat(week.json().get("total").asLong()).isEqualTo(1);

            Response stranger = gateway().bearer(ApiScenarios.signUp(gateway(), "Other Practice").token())
                    .get("/api/v1/clients/" + client);
            assertThat(stranger.status()).as("another tenant's client").isEqualTo(404);
        }

        @Test
        void aChangeShowsUpInTheAuditLogWithinTwoSeconds() {
            ApiScenarios.Practice practice = ApiScenarios.signUp(gateway(), "Audited Practice");
            HttpTestClient owner = gateway().bearer(practice.token());

            String client = ApiScenarios.create(owner, "/api/v1/clients", Map.of("first_name", "Ada",
                    "last_name", "Lovelace"));
            long written = System.nanoTime();

            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                    owner.get("/api/v1/audit?resource_type=Client&resource_id=" + client).json().get("total").asLong() >= 1);
            System.out.printf("E2E audit lag: client.created visible in the audit API %d ms after the write returned%n",
                    (System.nanoTime() - written) / 1_000_000);
            Response entry = owner.get("/api/v1/audit?resource_type=Client&resource_id=" + client);
            assertThat(entry.json().get("items").get(0).get("event_type").asString()).isEqualTo("client.created");
            assertThat(entry.body()).doesNotContain("Lovelace");
        }

        @Test
        void aLoggedOutTokenIsRefusedAtTheGatewayWithinOneSecond() {
            ApiScenarios.Practice practice = ApiScenarios.signUp(gateway(), "Short Session");
            HttpTestClient owner = gateway().bearer(practice.token());

            Response logout = owner.post("/api/v1/auth/logout", Map.of());
            assertThat(logout.status()).isEqualTo(200);
            assertThat(logout.json().get("token_revoked").asBoolean()).isTrue();

            await().atMost(Duration.ofSeconds(1)).until(() -> owner.get("/api/v1/clients").status() == 401);
            assertThat(owner.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(401);
        }

        @Test
        void aMagicLinkSignsInOnce() {
            ApiScenarios.Practice practice = ApiScenarios.signUp(gateway(), "Magic Practice");

            Response requested = gateway().post("/api/v1/auth/request-magic-link", Map.of("email", practice.email()));
            assertThat(requested.status()).isEqualTo(200);
            Response unknown = gateway().post("/api/v1/auth/request-magic-link",
                    Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test"));
            assertThat(unknown.body()).as("no enumeration").isEqualTo(requested.body());

            String token = await().atMost(PATIENCE).until(() -> magicLinkToken(practice.email()), t -> t != null);
            Response verified = gateway().get("/api/v1/auth/verify-magic-link?token=" + token);
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.json().get("user").get("workspace_id").asString()).isEqualTo(practice.tenantId());
            assertThat(gateway().get("/api/v1/auth/verify-magic-link?token=" + token).status()).isEqualTo(401);
        }

        @Test
        void internalPathsAreNotRoutable() {
            assertThat(gateway().get("/internal/revocations").status()).isEqualTo(404);
            assertThat(gateway().get("/api/v1/health").json().get("status").asString()).isEqualTo("ok");
        }

        private String magicLinkToken(String email) throws IOException {
            if (!Files.exists(stack.mailLog())) {
                return null;
            }
            String log = Files.readString(stack.mailLog());
            int to = log.lastIndexOf("To: " + email);
            if (to < 0) {
                return null;
            }
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("verify-magic-link\\?token=([A-Za-z0-9_\\-]+)")
                    .matcher(log.substring(to));
            return link.find() ? link.group(1) : null;
        }
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
