package dev.praxis.gateway.security;

import dev.praxis.gateway.docs.SwaggerUiPaths;
import dev.praxis.gateway.edge.ManagementPort;
import dev.praxis.gateway.edge.RequestPaths;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.Set;

/**
 * What answers without a token (DESIGN.md section 4): the gateway's own pages, the docs, the OpenAPI documents, the
 * JWK set, the auth endpoints that produce a token, and everything on the private management port. Each path with and
 * without a trailing slash (Celuma clients call {@code /api/v1/tenants/}). A lookup, not a list of patterns: this runs
 * twice per request.
 */
@Component
final class PublicEndpoints implements ServerWebExchangeMatcher {

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();
    private static final String OPENAPI = "/openapi/";

    private final Set<String> reads = Set.of("/", "/health", "/api/v1/health", "/api/v1/auth/verify-magic-link",
            "/.well-known/jwks.json", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");
    private final Set<String> posts;
    private final ManagementPort managementPort;

    PublicEndpoints(TokenProperties properties, ManagementPort managementPort) {
        this.managementPort = managementPort;
        Set<String> anonymousPosts = new HashSet<>(Set.of("/api/v1/auth/login", "/api/v1/auth/request-magic-link",
                // auth-service decides who may register (DESIGN.md decision 4); it sees the token if one is sent.
                "/api/v1/auth/register"));
        if (properties.tenantSignupEnabled()) {
            anonymousPosts.add("/api/v1/tenants");
        }
        this.posts = Set.copyOf(anonymousPosts);
    }

    boolean isPublic(ServerHttpRequest request) {
        String path = RequestPaths.decoded(request);
        if (SwaggerUiPaths.matches(path) || path.startsWith(OPENAPI) || managementPort.received(request)) {
            return true;
        }
        String withoutSlash = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        HttpMethod method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return reads.contains(withoutSlash);
        }
        return HttpMethod.POST.equals(method) && posts.contains(withoutSlash);
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return isPublic(exchange.getRequest()) ? MATCH : NO_MATCH;
    }
}
