package dev.praxis.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * More than {@code praxis.gateway.max-request-headers} header lines is a 431 in the Praxis error shape. The services'
 * Tomcat refuses more than 100 with an HTML page of its own; this limit, well below, leaves room for the headers the
 * gateway adds, so a request the gateway forwards is never refused for its headers there.
 */
@Component
final class HeaderCountFilter implements WebFilter, Ordered {

    private final ErrorResponses errors;
    private final int maxHeaders;

    HeaderCountFilter(ErrorResponses errors, EdgeProperties properties) {
        this.errors = errors;
        this.maxHeaders = properties.maxRequestHeaders();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return lines(exchange.getRequest()) <= maxHeaders ? chain.filter(exchange)
                : errors.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too many request headers");
    }

    /** Reactor Netty's own count of header lines: nothing walks the headers on every request. */
    private static int lines(ServerHttpRequest request) {
        HttpServerRequest netty = ServerHttpRequestDecorator.getNativeRequest(request);
        return netty.requestHeaders().size();
    }

    /** First of the gateway's own filters: it needs nothing from the others. */
    @Override
    public int getOrder() {
        return -300;
    }
}
