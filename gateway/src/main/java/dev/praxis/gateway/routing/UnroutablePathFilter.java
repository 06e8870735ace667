package dev.praxis.gateway.routing;

import dev.praxis.gateway.edge.ErrorResponses;
import dev.praxis.gateway.edge.ManagementPort;
import dev.praxis.gateway.edge.RequestPaths;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * A path with an {@code internal} or {@code actuator} segment anywhere ({@code /internal/revocations},
 * {@code /api/v1/clients/actuator/env}) is answered 404 before anything else looks at it, token or not: those endpoints
 * exist only for callers inside the network. The one exception is the gateway's own health probe
 * ({@code /actuator/health}, liveness, readiness), which answers UP/DOWN and nothing more. On the separate management
 * port, when there is one ({@link ManagementPort}), it is the other way round: the actuator only, nothing routed.
 * The path is looked at decoded ({@code /api/v1/clients/%61ctuator} too); dot-segment tricks such as
 * {@code /api/v1/clients/..;/actuator} are refused with 400 by Spring Security's strict firewall.
 */
@Component
final class UnroutablePathFilter implements WebFilter, Ordered {

    private static final String ACTUATOR = "/actuator/";
    private static final Set<String> OWN_PROBES = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    private final ErrorResponses errors;
    private final ManagementPort managementPort;

    UnroutablePathFilter(ErrorResponses errors, ManagementPort managementPort) {
        this.errors = errors;
        this.managementPort = managementPort;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = RequestPaths.decoded(exchange.getRequest());
        boolean visible = managementPort.received(exchange.getRequest())
                ? path.startsWith(ACTUATOR) || path.equals("/actuator")
                : !isHidden(path) || OWN_PROBES.contains(path);
        return visible ? chain.filter(exchange) : errors.write(exchange, HttpStatus.NOT_FOUND, "Not found");
    }

    /** Whether a segment is {@code internal} or {@code actuator}, in any case (no allocation: this runs per request). */
    static boolean isHidden(String path) {
        int start = 0;
        while (start < path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end - start == 8 && (path.regionMatches(true, start, "internal", 0, 8)
                    || path.regionMatches(true, start, "actuator", 0, 8))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Before Spring Security (-100): the answer does not depend on who asks. */
    @Override
    public int getOrder() {
        return -200;
    }
}
