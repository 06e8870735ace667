package dev.praxis.gateway.routing;

import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls to services are measured under a name of their own, and traced without their query strings; a proxied request
 * is timed once as a request and once as a call, with nothing else per request (infra/bench).
 */
@GatewayTest
class UpstreamObservationTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void measuresCallsToServicesByRoute() {
        Clients.fromNewAddress(port).get().uri("/api/v1/billing/invoices/")
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(Clients.newUserToken())).exchange()
                .expectStatus().isOk();

        assertThat(meters.find("gateway.upstream.requests").tag("spring.cloud.gateway.route.id", "billing-service")
                .timer()).isNotNull();
    }

    @Test
    void timesEachProxiedRequestOnlyAsARequestAndAsACall() {
        Clients.fromNewAddress(port).get().uri("/api/v1/billing/invoices/")
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(Clients.newUserToken())).exchange()
                .expectStatus().isOk();

        // The request's own observation stops once the response has been written.
        await().untilAsserted(() -> assertThat(meters.find("http.server.requests").timer()).isNotNull());
        assertThat(meters.find("spring.cloud.gateway.requests").meters()).isEmpty();
        assertThat(meters.find("http.server.requests.active").meters()).isEmpty();
        assertThat(meters.find("gateway.upstream.requests.active").meters()).isEmpty();
        assertThat(meters.find("logback.events").meters()).isEmpty();
    }

    @Test
    void leavesQueryStringsOutOfTraces() {
        MockServerHttpRequest request = MockServerHttpRequest
                .get("http://auth-service/api/v1/auth/verify-magic-link?token=secret").build();
        GatewayContext context = new GatewayContext(new HttpHeaders(), request, MockServerWebExchange.from(request));

        assertThat(new UpstreamObservationConvention().getHighCardinalityKeyValues(context))
                .containsExactly(KeyValue.of("http.uri", "/api/v1/auth/verify-magic-link"));
    }
}
