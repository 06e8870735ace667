package dev.praxis.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Drops {@code Forwarded} and {@code X-Forwarded-Host/Proto/Port/Prefix} from incoming requests, so that nothing the
 * gateway answers itself (Swagger UI's configuration builds absolute URLs from them) reflects a host a client made up.
 * {@code X-Forwarded-For} stays for {@link ClientAddresses}, which trusts it only from configured proxies; requests to
 * services never carry any of them ({@link ServiceRequestHeaders}). Costs nothing when none is present.
 */
@Component
final class ForwardingHeadersFilter implements WebFilter, Ordered {

    static final List<String> IGNORED = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Forwarded-Port", "X-Forwarded-Prefix");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        for (String name : IGNORED) {
            if (headers.containsHeader(name)) {
                return chain.filter(exchange.mutate()
                        .request(request -> request.headers(writable -> IGNORED.forEach(writable::remove)))
                        .build());
            }
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 2;
    }
}
