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

import java.util.List;
import java.util.Map;

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

    /** Netty keeps the count of header lines (this runs on every request); any other server: counted here. */
    private static int lines(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        if (nativeRequest instanceof HttpServerRequest netty) {
            return netty.requestHeaders().size();
        }
        int lines = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            lines += header.getValue().size();
        }
        return lines;
    }

    /** First of the gateway's own filters: it needs nothing from the others. */
    @Override
    public int getOrder() {
        return -300;
    }
}
