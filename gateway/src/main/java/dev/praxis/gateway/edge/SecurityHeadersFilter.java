package dev.praxis.gateway.edge;

import dev.praxis.gateway.docs.SwaggerUiPaths;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.function.BiConsumer;

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
            set(exchange.getResponse().getHeaders()::set, docs);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The security headers of every answer, through whichever headers object the answer has. */
    static void set(BiConsumer<String, String> header, boolean docs) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        header.accept("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    @Override
    public int getOrder() {
        return RequestIdFilter.ORDER + 1;
    }
}
