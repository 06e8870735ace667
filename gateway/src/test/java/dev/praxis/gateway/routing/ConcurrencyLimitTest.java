package dev.praxis.gateway.routing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.TestRoutes;
import dev.praxis.gateway.Upstreams;
import dev.praxis.contracts.web.PraxisHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Load shedding: a route takes at most its {@code max-concurrent-requests} at a time (the test route
 * {@value TestRoutes#ONE_AT_A_TIME}: one); the next request is answered 503 at once, without reaching the service, and
 * a slot is given back however the request before it ended. The audit chain check, which reads a tenant's whole log,
 * has its own route: two at a time, with a longer wait for the answer.
 */
@GatewayTest
class ConcurrencyLimitTest {

    private static final String ROUTE = TestRoutes.ONE_AT_A_TIME_ROUTE;
    private static final String VERIFY_ROUTE = "audit-service-verify";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RoutingProperties properties;

    WebTestClient gateway;
    String token;
    WireMockServer service;

    @BeforeEach
    void client() {
        gateway = Clients.fromNewAddress(port);
        token = Clients.newUserToken();
        service = Upstreams.of("audit-service");
        await().until(() -> inFlight(ROUTE) == 0 && inFlight(VERIFY_ROUTE) == 0);
    }

    @Test
    void answersServiceBusyAtOnceWhileTheRouteHasAsManyInFlightAsItMay() {
        String slow = slowPath();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> gateway.get().uri(slow)
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectBody().returnResult().getStatus().value());
        await().until(() -> inFlight(ROUTE) == 1);
        double shedBefore = shed(ROUTE);

        String second = TestRoutes.ONE_AT_A_TIME + "/" + UUID.randomUUID();
        gateway.get().uri(second).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Service busy, retry shortly")
                .jsonPath("$.request_id").isNotEmpty();

        assertThat(service.findAll(getRequestedFor(urlEqualTo(second)))).isEmpty();
        assertThat(shed(ROUTE)).isEqualTo(shedBefore + 1);
        assertThat(first.join()).isEqualTo(200);
        await().until(() -> inFlight(ROUTE) == 0);
        gateway.get().uri(second).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void givesTheSlotBackWhenTheCallerHangsUp() {
        String slow = slowPath();
        Disposable call = WebClient.create("http://127.0.0.1:" + port).get().uri(slow)
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .header(PraxisHeaders.FORWARDED_FOR, Clients.newAddress())
                .retrieve().toBodilessEntity().subscribe();
        await().until(() -> inFlight(ROUTE) == 1);

        call.dispose();

        await().until(() -> inFlight(ROUTE) == 0);
        gateway.get().uri(TestRoutes.ONE_AT_A_TIME + "/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void givesTheSlotBackWhenTheServiceCannotBeReached() {
        gateway.get().uri(TestRoutes.REFUSED + "/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(503);

        Gauge inFlight = meters.find(ConcurrencyLimitFilter.IN_FLIGHT_METER).tag("route", "test-refused").gauge();
        assertThat(inFlight).isNotNull();
        await().until(() -> inFlight.value() == 0);
    }

    @Test
    void limitsTheProductionRoutesByDefault() {
        gateway.get().uri("/api/v1/audit/events").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk();

        assertThat(meters.find(ConcurrencyLimitFilter.IN_FLIGHT_METER).tag("route", "audit-service").gauge())
                .isNotNull();
        assertThat(properties.maxConcurrentRequests()).isEqualTo(100);
    }

    @Test
    void waitsLongerForTheChainCheckAndRunsTwoOfThemAtATime() {
        String slow = "/api/v1/audit/verify?probe=" + UUID.randomUUID();
        service.stubFor(get(urlEqualTo(slow)).willReturn(aResponse().withStatus(200).withBody("{}")
                .withFixedDelay(4000)));
        CompletableFuture<Integer> first = statusOf(slow);
        CompletableFuture<Integer> second = statusOf(slow);
        await().until(() -> inFlight(VERIFY_ROUTE) == 2);

        gateway.get().uri("/api/v1/audit/verify").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(503);

        // 4 s: longer than any other route waits for its service in the test profile (3 s).
        assertThat(first.join()).isEqualTo(200);
        assertThat(second.join()).isEqualTo(200);
        assertThat(service.findAll(getRequestedFor(urlEqualTo(slow)))).hasSize(2);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new RoutingProperties(properties.maxBodySize(), properties.connectTimeout(),
                properties.responseTimeout(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent-requests");
    }

    private CompletableFuture<Integer> statusOf(String path) {
        return CompletableFuture.supplyAsync(() -> gateway.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectBody().returnResult().getStatus().value());
    }

    private String slowPath() {
        String path = TestRoutes.ONE_AT_A_TIME + "/slow-" + UUID.randomUUID();
        service.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withBody("{}")
                .withFixedDelay(3000)));
        return path;
    }

    private double inFlight(String route) {
        Gauge gauge = meters.find(ConcurrencyLimitFilter.IN_FLIGHT_METER).tag("route", route).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double shed(String route) {
        Counter counter = meters.find(ConcurrencyLimitFilter.SHED_METER).tag("route", route).counter();
        return counter == null ? 0 : counter.count();
    }
}
