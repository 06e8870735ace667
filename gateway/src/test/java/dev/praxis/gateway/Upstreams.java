package dev.praxis.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.test.TestJwts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * WireMock servers standing in for the services, one per service, started once per test JVM. Each answers anything
 * with an echo (which service, method and path it received) unless a test stubs something more specific; auth-service
 * also serves the test JWK set and the active revocations. storage-service has no instance, {@value #REFUSING} an
 * instance on a port nobody listens on.
 */
public final class Upstreams {

    public static final List<String> SERVICES = List.of("auth-service", "scheduling-service",
            "clinical-notes-service", "lab-service", "billing-service", "audit-service");
    public static final String REFUSING = "refusing-service";

    /** Revoked before the gateway started: auth-service lists it on {@code GET /internal/revocations}. */
    public static final String PRELOADED_REVOKED_JTI = UUID.randomUUID().toString();

    private static final Map<String, WireMockServer> SERVERS = start();
    private static final int CLOSED_PORT = closedPort();

    private Upstreams() {
    }

    public static WireMockServer of(String service) {
        WireMockServer server = SERVERS.get(service);
        if (server == null) {
            throw new IllegalArgumentException("no upstream " + service);
        }
        return server;
    }

    public static String jwkSetUri() {
        return of("auth-service").baseUrl() + TokenClaims.JWKS_PATH;
    }

    /** Simple discovery instances, as Spring Cloud properties. */
    static Map<String, Object> instanceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        SERVERS.forEach((service, server) -> properties.put(
                "spring.cloud.discovery.client.simple.instances." + service + "[0].uri", server.baseUrl()));
        properties.put("spring.cloud.discovery.client.simple.instances." + REFUSING + "[0].uri",
                "http://127.0.0.1:" + CLOSED_PORT);
        return properties;
    }

    private static Map<String, WireMockServer> start() {
        Map<String, WireMockServer> servers = new LinkedHashMap<>();
        for (String service : SERVICES) {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                    .bindAddress("127.0.0.1").containerThreads(16).jettyAcceptors(1));
            server.start();
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(echo(service)));
            servers.put(service, server);
        }
        WireMockServer auth = servers.get("auth-service");
        auth.stubFor(get(urlEqualTo(TokenClaims.JWKS_PATH)).atPriority(5)
                .willReturn(okJson(TestJwts.jwkSetJson()).withHeader("X-Upstream", "auth-service")));
        // Not there at the first attempt: the gateway must keep trying in the background. Outside the scenario's two
        // states (a request racing the state change, as the gateway's two loads at start-up can), also not there.
        auth.stubFor(get(urlEqualTo("/internal/revocations")).atPriority(6).willReturn(aResponse().withStatus(503)));
        auth.stubFor(get(urlEqualTo("/internal/revocations")).atPriority(5).inScenario("revocations")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        auth.stubFor(get(urlEqualTo("/internal/revocations")).atPriority(5).inScenario("revocations")
                .whenScenarioStateIs("up")
                .willReturn(okJson("[{\"jti\":\"%s\",\"expires_at\":\"%s\"}]".formatted(PRELOADED_REVOKED_JTI,
                        Instant.now().plus(1, ChronoUnit.HOURS)))));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.values().forEach(WireMockServer::stop),
                "stop-upstreams"));
        return Map.copyOf(servers);
    }

    /** What a service would answer, plus what it saw, and headers a gateway must override. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder echo(String service) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Upstream", service)
                .withHeader("X-Request-ID", "{{request.headers.X-Request-ID}}")
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withHeader("Content-Security-Policy", "default-src *")
                .withBody("{\"service\":\"" + service + "\",\"method\":\"{{request.method}}\","
                        + "\"path\":\"{{request.path}}\"}")
                .withTransformers("response-template");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
