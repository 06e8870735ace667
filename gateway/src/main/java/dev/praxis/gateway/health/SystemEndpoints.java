package dev.praxis.gateway.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.util.List;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * What the gateway answers itself, without a token: {@code GET /} (the Celuma contract's welcome document),
 * {@code GET /api/v1/health} (the gateway is up) and {@code GET /health} (every service); each also to {@code HEAD}
 * (the same status and headers, no body), which some load balancers and uptime checks send.
 * <p>
 * {@code /health} answers 200 whether the suite is "ok" or "degraded": load balancers probe it, and one service being
 * down must not take the entry point (and every healthy service behind it) out of rotation. The body says what is down.
 */
@Configuration(proxyBeanMethods = false)
class SystemEndpoints {

    static final Welcome WELCOME = new Welcome("Welcome to Celuma API", "1.0.0", List.of("Multi-tenant support",
            "Laboratory management", "Patient management", "Sample tracking", "Report generation", "Billing system",
            "Audit logging"));
    static final Map<String, String> OK = Map.of("status", "ok");

    @Bean
    RouterFunction<ServerResponse> systemRoutes(ServiceHealth health) {
        return route()
                .route(read("/"), request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(WELCOME))
                .route(read("/api/v1/health"), request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(OK))
                .route(read("/health"), request -> health.check().flatMap(services -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new SuiteHealth(overall(services), services))))
                .build();
    }

    private static RequestPredicate read(String pattern) {
        return method(HttpMethod.GET).or(method(HttpMethod.HEAD)).and(path(pattern));
    }

    static String overall(Map<String, String> services) {
        return services.values().stream().allMatch(ServiceHealth.UP::equals) ? "ok" : "degraded";
    }

    record Welcome(@JsonProperty("message") String message, @JsonProperty("version") String version,
                   @JsonProperty("features") List<String> features) {
    }

    record SuiteHealth(@JsonProperty("status") String status, @JsonProperty("services") Map<String, String> services) {
    }
}
