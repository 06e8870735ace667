package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.PraxisHeaders;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives: the client's, minus every internal/identity header ({@link PraxisHeaders#isInternal})
 * and any forwarding header the client made up, plus the request id and {@code X-Forwarded-For} set to the client
 * address the gateway determined. {@code Authorization} passes unchanged; the trace headers are added by Spring Cloud
 * Gateway's observation filter. (Spring Cloud Gateway itself removes {@code X-Forwarded-*} and {@code Forwarded}, as
 * its own trusted-proxies property is not set.)
 */
@Component
final class ServiceRequestHeaders implements HttpHeadersFilter, Ordered {

    private final ClientAddresses clientAddresses;

    ServiceRequestHeaders(ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!PraxisHeaders.isInternal(name) && !isReplaced(name)) {
                forwarded.addAll(name, values);
            }
        });
        forwarded.set(PraxisHeaders.REQUEST_ID, RequestIds.of(exchange));
        forwarded.set(PraxisHeaders.FORWARDED_FOR, clientAddresses.of(exchange));
        return forwarded;
    }

    private static boolean isReplaced(String name) {
        return name.equalsIgnoreCase(PraxisHeaders.REQUEST_ID) || name.equalsIgnoreCase(PraxisHeaders.FORWARDED_FOR)
                || name.equalsIgnoreCase("X-Real-IP") || name.equalsIgnoreCase("Forwarded");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
