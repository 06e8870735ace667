package dev.praxis.gateway.routing;

import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import dev.praxis.test.TestJwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.RouteRefreshListener;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public prefix of DESIGN.md section 1 reaches its service (so the routes are read from
 * {@code spring.cloud.gateway.server.webflux.routes}), with and without a trailing slash, path unchanged; nothing else
 * is routable.
 */
@GatewayTest
class RoutingTest {

    @LocalServerPort
    int port;

    WebTestClient gateway;
    String token;

    @BeforeEach
    void client() {
        gateway = Clients.fromNewAddress(port);
        token = Clients.newUserToken();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/v1/auth/me, auth-service",
            "/api/v1/tenants, auth-service",
            "/api/v1/tenants/, auth-service",
            "/api/v1/tenants/7d0c1c55-0b4e-4c55-9f5c-2b1b1c1c1c1c/branches, auth-service",
            "/api/v1/branches/, auth-service",
            "/api/v1/users/42, auth-service",
            "/api/v1/clients, scheduling-service",
            "/api/v1/clients/, scheduling-service",
            "/api/v1/appointments/9/conflicts, scheduling-service",
            "/api/v1/services, scheduling-service",
            "/api/v1/locations/, scheduling-service",
            "/api/v1/sessions/5/versions, clinical-notes-service",
            "/api/v1/attachments/, clinical-notes-service",
            "/api/v1/patients/, lab-service",
            "/api/v1/laboratory/orders/, lab-service",
            "/api/v1/laboratory/samples/3/images, lab-service",
            "/api/v1/reports/versions/, lab-service",
            "/api/v1/billing/invoices/, billing-service",
            "/api/v1/audit, audit-service",
            "/api/v1/audit/verify, audit-service"})
    void routesEachPublicPrefixToItsService(String path, String service) {
        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", service)
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(path);
    }

    @Test
    void servesAuthServicesJwkSetWithoutAToken() {
        gateway.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Upstream", "auth-service")
                .expectBody().jsonPath("$.keys[0].kid").isEqualTo(TestJwts.KEY_ID);
    }

    @Test
    void passesQueryStringsAndMethodsThrough() {
        String path = "/api/v1/clients/" + UUID.randomUUID();
        gateway.delete().uri(path + "?cascade=true").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("DELETE");

        assertThat(Upstreams.of("scheduling-service")
                .findAll(deleteRequestedFor(urlEqualTo(path + "?cascade=true")))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "scheduling-service", "clinical-notes-service", "lab-service",
            "billing-service", "audit-service"})
    void servesEachServicesOpenApiDocumentWithoutAToken(String service) {
        gateway.get().uri("/openapi/" + service).header(HttpHeaders.AUTHORIZATION, "Bearer unchecked.by.the-gateway")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo("/v3/api-docs");

        // The service sees the gateway's host, so the server URL in its document points at the gateway; and no token,
        // which the gateway did not check (a made-up kid would have the service fetch its JWK set).
        assertThat(Upstreams.of(service).findAll(getRequestedFor(urlEqualTo("/v3/api-docs")))).last()
                .satisfies(request -> {
                    assertThat(request.getHeader("Host")).isEqualTo("127.0.0.1:" + port);
                    assertThat(request.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/revocations", "/api/v1/auth/internal/revocations", "/actuator/env",
            "/actuator/prometheus", "/api/v1/clients/actuator/health", "/api/v1/audit/Internal/x",
            "/api/v1/patients/1/ACTUATOR"})
    void hidesInternalAndActuatorPathsWithOrWithoutAToken(String path) {
        for (WebTestClient.RequestHeadersSpec<?> request : new WebTestClient.RequestHeadersSpec<?>[] {
                gateway.get().uri(path),
                gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))}) {
            request.exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("Not found").jsonPath("$.request_id").isNotEmpty();
        }
        // (The gateway itself calls auth-service's /internal/revocations; nothing from outside gets through.)
        Upstreams.SERVICES.forEach(service -> assertThat(Upstreams.of(service).findAll(getRequestedFor(urlEqualTo(path))
                .withHeader(PraxisHeaders.FORWARDED_FOR, matching(".+")))).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/clients/%61ctuator/", "/api/v1/auth/%69nternal/", "/api/v1/audit/Intern%61l/"})
    void hidesThemPercentEncodedToo(String prefix) {
        String path = prefix + UUID.randomUUID();

        gateway.get().uri(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Not found");
        Upstreams.SERVICES.forEach(service -> assertThat(Upstreams.of(service).findAll(getRequestedFor(urlEqualTo(path))))
                .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/storage-service/blobs/1", "/api/v1/storage/blobs/1", "/api/v1/nothing",
            "/api/v1/clientsX"})
    void answersNotFoundForPathsNoRouteServes(String path) {
        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Not found").jsonPath("$.request_id").isNotEmpty();
    }

    @Test
    void servesNoFilesFromTheClasspath() {
        // src/test/resources/static/classpath-probe.txt: Spring Boot's default resource mapping would serve it.
        gateway.get().uri("/classpath-probe.txt").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Not found").jsonPath("$.request_id").isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/clients/..;/audit", "/api/v1/clients/%2e%2e/audit/x",
            "/api/v1/clients/%2F..%2Faudit", "/api/v1/clients//x", "/api/v1/clients/./x"})
    void refusesPathsThatAreNotNormalised(String path) {
        gateway.get().uri(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("Bad request");
    }

    @Test
    void answersServiceUnavailableWhenNoInstanceIsRegistered() {
        gateway.get().uri("/test/no-instance/x").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("Service unavailable")
                .jsonPath("$.request_id").isNotEmpty();
    }

    @Test
    void answersServiceUnavailableWhenTheInstanceRefusesConnections() {
        gateway.post().uri("/test/refused/x").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("Service unavailable");
    }

    @Test
    void discoveryHeartbeatsNeverRebuildTheRoutes(@Autowired ApplicationContext context,
                                                   @Autowired RouteLocator routes) {
        List<Route> before = routes.getRoutes().collectList().block();

        context.publishEvent(new HeartbeatEvent(this, "registry fetched 1"));
        context.publishEvent(new HeartbeatEvent(this, "registry fetched 2"));

        assertThat(context.getBeanProvider(RouteRefreshListener.class).getIfAvailable()).isNull();
        assertThat(routes.getRoutes().collectList().block()).containsExactlyElementsOf(before)
                .allSatisfy(route -> assertThat(before).anySatisfy(same -> assertThat(route).isSameAs(same)));
    }
}
