package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.PraxisHeaders;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Cross-origin access for browsers, from {@code praxis.gateway.cors.*}, before authentication, so preflights need no
 * token. No origins configured: no CORS headers, browsers refuse. An origin (or a preflight's method or headers) that
 * is not allowed is a 403 in the Praxis error shape; Spring's own CORS filter answers it without a body.
 */
@Component
final class CrossOriginFilter implements WebFilter, Ordered {

    /** {@code null} when no origin is configured: no CORS headers, browsers refuse. */
    private final CorsConfiguration allowed;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ErrorResponses errors;

    CrossOriginFilter(EdgeProperties properties, ErrorResponses errors) {
        this.allowed = allowed(properties.cors());
        this.errors = errors;
    }

    /**
     * What Spring's {@code CorsWebFilter} does (the processor adds {@code Vary} to every response, and refuses a
     * malformed {@code Origin} too), except that a refusal carries the error body.
     */
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(allowed, exchange)) {
            return errors.write(exchange, HttpStatus.FORBIDDEN, "Origin not allowed");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    /** After the 404 for hidden paths, before Spring Security (-100). */
    @Override
    public int getOrder() {
        return -150;
    }

    private static CorsConfiguration allowed(EdgeProperties.Cors cors) {
        if (cors.allowedOrigins().isEmpty()) {
            return null;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", PraxisHeaders.REQUEST_ID,
                PraxisHeaders.IDEMPOTENCY_KEY, PraxisHeaders.TRACEPARENT));
        config.setExposedHeaders(List.of(PraxisHeaders.REQUEST_ID, PraxisHeaders.TOTAL_COUNT,
                PraxisHeaders.RETRY_AFTER, "Content-Disposition", "Location"));
        config.setAllowCredentials(cors.allowCredentials());
        config.setMaxAge(cors.maxAge());
        return config;
    }
}
