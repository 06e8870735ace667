package dev.praxis.gateway.revocation;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.Actor;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Outcome;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import dev.praxis.test.TestJwts;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Revoked tokens are refused: the active revocations auth-service lists at start-up (which it did not answer at the
 * first attempt), and each {@code token.revoked} event on the real broker within one second.
 */
@GatewayTest
class RevocationTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Autowired
    RevocationLoader loader;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JsonMapper json;

    WebTestClient gateway;

    @BeforeEach
    void readyToConsume() {
        gateway = Clients.fromNewAddress(port);
        MessageListenerContainer container = listeners.getListenerContainer(RevocationEvents.LISTENER_ID);
        await("revocation consumer assigned").atMost(Duration.ofSeconds(30))
                .until(() -> container != null && !container.getAssignedPartitions().isEmpty());
    }

    @Test
    void aReplicaIsNotReadyUntilItHasLoadedTheActiveRevocations(@Autowired WebClient.Builder http,
            @Autowired ReactorLoadBalancerExchangeFilterFunction loadBalancer, @Autowired RevocationStore store,
            @Autowired RevocationProperties properties, @Autowired HealthEndpointGroups groups) {
        RevocationLoader starting = new RevocationLoader(http, loadBalancer, store, properties);
        RevocationsHealth health = new RevocationsHealth(starting);
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        starting.reload();

        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
        starting.destroy();
        assertThat(groups.get("readiness").isMember("revocations"))
                .as("readiness follows the revocations health").isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                gateway.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("UP"));
    }

    @Test
    void readsFromAMinuteBackWhenItGetsItsPartitions(@Autowired RevocationEvents events) {
        List<Object[]> seeks = new ArrayList<>();
        ConsumerSeekAware.ConsumerSeekCallback recording = (ConsumerSeekAware.ConsumerSeekCallback) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{ConsumerSeekAware.ConsumerSeekCallback.class},
                (proxy, method, args) -> {
                    seeks.add(new Object[]{method.getName(), args});
                    return null;
                });
        TopicPartition partition = new TopicPartition(Topics.AUTH, 0);
        long now = System.currentTimeMillis();

        events.onPartitionsAssigned(Map.of(partition, 0L), recording);

        assertThat(seeks).hasSize(1);
        assertThat(seeks.get(0)[0]).isEqualTo("seekToTimestamp");
        Object[] args = (Object[]) seeks.get(0)[1];
        assertThat(List.copyOf((Collection<?>) args[0])).isEqualTo(List.of(partition));
        assertThat((long) args[1]).isBetween(now - 61_000, now - 59_000);
    }

    @Test
    void consumesInAConsumerGroupOfItsOwn() {
        assertThat(listeners.getListenerContainer(RevocationEvents.LISTENER_ID).getGroupId())
                .matches("gateway-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void refusesTokensRevokedBeforeTheGatewayStarted() {
        String token = TestJwts.signed(TestJwts.claims(UUID.randomUUID(), TENANT)
                .id(Upstreams.PRELOADED_REVOKED_JTI));

        await("active revocations loaded").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                status(token).isUnauthorized());
    }

    @Test
    void takesAnAnswerThatIsNotAListAsAFailedAttempt() {
        WireMockServer auth = Upstreams.of("auth-service");
        StubMapping notAList = auth.stubFor(get(urlEqualTo("/internal/revocations")).atPriority(1)
                .willReturn(okJson("{\"jti\":\"x\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
        try {
            assertThatThrownBy(() -> loader.load().block(Duration.ofSeconds(10)))
                    .isInstanceOf(DecodingException.class);
        } finally {
            auth.removeStub(notAList);
        }
        assertThat(loader.load().block(Duration.ofSeconds(10))).isEqualTo(1);
    }

    @Test
    void loadsAListLargerThanWebClientsDefaultBuffer() {
        String expiresAt = Instant.now().plusSeconds(3600).toString();
        String list = IntStream.range(0, 5_000)
                .mapToObj(i -> "{\"jti\":\"%s\",\"expires_at\":\"%s\"}".formatted(UUID.randomUUID(), expiresAt))
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(list.length()).isGreaterThan(256 * 1024);
        WireMockServer auth = Upstreams.of("auth-service");
        StubMapping large = auth.stubFor(get(urlEqualTo("/internal/revocations")).atPriority(1)
                .willReturn(okJson(list)));
        try {
            assertThat(loader.load().block(Duration.ofSeconds(10))).isEqualTo(5_000);
        } finally {
            auth.removeStub(large);
        }
    }

    @Test
    void refusesATokenWithinOneSecondOfItsRevocationEvent() throws Exception {
        String jti = UUID.randomUUID().toString();
        UUID user = UUID.randomUUID();
        String token = TestJwts.signed(TestJwts.claims(user, TENANT, Role.PRACTITIONER).id(jti));
        status(token).isOk();

        publish(revoked(user, jti, Map.of("jti", jti, "expires_at", Instant.now().plusSeconds(1800).toString(),
                "reason", "logout")));

        await("revocation applied").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> status(token).isUnauthorized());
    }

    @Test
    void skipsUnreadableAndUnrelatedEventsAndKeepsConsuming() throws Exception {
        UUID user = UUID.randomUUID();
        String keptJti = UUID.randomUUID().toString();
        String revokedJti = UUID.randomUUID().toString();
        String kept = TestJwts.signed(TestJwts.claims(user, TENANT).id(keptJti));
        String revoked = TestJwts.signed(TestJwts.claims(user, TENANT).id(revokedJti));

        publish("{not json");
        publish(json.writeValueAsString(new EventEnvelope(UUID.randomUUID(), "user.logged_in", 1, Instant.now(),
                "auth-service", TENANT, new Actor(user, null), "Token", keptJti, Action.EXECUTE,
                Outcome.SUCCESS, null, null, Map.of("jti", keptJti))));
        // No jti or expires_at in the metadata: the jti is the resource id, kept for the fallback period.
        publish(revoked(user, revokedJti, Map.of("reason", "deactivated")));

        await("revocation applied").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> status(revoked).isUnauthorized());
        status(kept).isOk();
    }

    private String revoked(UUID user, String jti, Map<String, Object> metadata) {
        return json.writeValueAsString(new EventEnvelope(UUID.randomUUID(), "token.revoked", 1, Instant.now(),
                "auth-service", TENANT, new Actor(user, "203.0.113.1"), "Token", jti, Action.DELETE,
                Outcome.SUCCESS, UUID.randomUUID().toString(), null, metadata));
    }

    private void publish(String payload) throws Exception {
        kafka.send(Topics.AUTH, UUID.randomUUID().toString(), payload).get(10, TimeUnit.SECONDS);
    }

    private org.springframework.test.web.reactive.server.StatusAssertions status(String token) {
        return gateway.get().uri("/api/v1/sessions").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .exchange().expectStatus();
    }
}
