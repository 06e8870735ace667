package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.PraxisHeaders;
import io.micrometer.common.KeyValue;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First filter of every exchange: settles the request id, tags the trace with it, and puts it on the response,
 * whoever writes that response (a service, a gateway error, Spring Security). {@link ServiceRequestHeaders} puts it on
 * the request to the service.
 */
@Component
final class RequestIdFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.accept(exchange.getRequest().getHeaders().getFirst(PraxisHeaders.REQUEST_ID));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(observation -> observation.addHighCardinalityKeyValue(KeyValue.of("request_id", id)));
        // Set (not added) just before commit: replaces the copy a service echoes back.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(PraxisHeaders.REQUEST_ID, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
