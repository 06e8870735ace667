package dev.praxis.gateway.edge;

import dev.praxis.gateway.docs.SwaggerUiPaths;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, set just before commit so that they replace whatever a service sent. The API
 * answers JSON only, so its policy forbids everything; Swagger UI needs its own scripts, styles and images.
 */
@Component
final class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean docs = SwaggerUiPaths.matches(exchange.getRequest().getPath().pathWithinApplication().value());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 1;
    }
}
