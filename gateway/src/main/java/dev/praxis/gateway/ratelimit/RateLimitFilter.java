package dev.praxis.gateway.ratelimit;

import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.gateway.edge.ClientAddresses;
import dev.praxis.gateway.edge.ErrorResponses;
import dev.praxis.gateway.edge.ManagementPort;
import dev.praxis.gateway.edge.RequestPaths;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Rate limits, after authentication (so a user's budget follows the verified {@code sub}). A request first meets the
 * limit of its endpoint, if it has one (magic link, login, tenant sign-up: per client IP; session draft autosave: per
 * tenant and session), then the general budget: per user with a token, per client IP without. Over a limit: 429 with
 * {@code Retry-After} (whole seconds, rounded up) and the error body. Nothing on the private management port is limited.
 */
@Component
final class RateLimitFilter implements WebFilter, Ordered {

    private static final PathPattern SESSION_DRAFT = PathPatternParser.defaultInstance
            .parse("/api/v1/sessions/{sessionId}/draft");
    private final RateLimitStore store;
    private final ClientAddresses clientAddresses;
    private final ErrorResponses errors;
    private final ManagementPort managementPort;
    private final Policy magicLink;
    private final Policy login;
    private final Policy tenantSignup;
    private final Policy sessionDraft;
    private final Policy perUser;
    private final Policy perIp;

    RateLimitFilter(RateLimitStore store, RateLimitProperties limits, ClientAddresses clientAddresses,
                    ErrorResponses errors, ManagementPort managementPort) {
        this.store = store;
        this.clientAddresses = clientAddresses;
        this.errors = errors;
        this.managementPort = managementPort;
        this.magicLink = Policy.of("magic-link", limits.magicLink());
        this.login = Policy.of("login", limits.login());
        this.tenantSignup = Policy.of("tenant-signup", limits.tenantSignup());
        this.sessionDraft = Policy.of("session-draft", limits.sessionDraft());
        this.perUser = Policy.of("per-user", limits.perUser());
        this.perIp = Policy.of("per-ip", limits.perIp());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (managementPort.received(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .flatMap(authenticated -> consume(exchange, authenticated.getToken()))
                .switchIfEmpty(Mono.defer(() -> consume(exchange, null)))
                .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange)
                        : TooManyRequests.answer(errors, exchange, probe.getNanosToWaitForRefill()));
    }

    private Mono<ConsumptionProbe> consume(ServerWebExchange exchange, Jwt caller) {
        Mono<ConsumptionProbe> general = caller != null
                ? store.tryConsume(perUser, caller.getSubject())
                : Mono.defer(() -> store.tryConsume(perIp, clientAddresses.of(exchange)));
        Mono<ConsumptionProbe> endpoint = endpointLimit(exchange, caller);
        if (endpoint == null) {
            return general;
        }
        return endpoint.flatMap(probe -> probe.isConsumed() ? general : Mono.just(probe));
    }

    /** The endpoint's own limit, or null when it has none. */
    private Mono<ConsumptionProbe> endpointLimit(ServerWebExchange exchange, Jwt caller) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = withoutTrailingSlash(RequestPaths.decoded(exchange.getRequest()));
        if (HttpMethod.POST.equals(method)) {
            Policy policy = switch (path) {
                case "/api/v1/auth/request-magic-link" -> magicLink;
                case "/api/v1/auth/login" -> login;
                case "/api/v1/tenants" -> tenantSignup;
                default -> null;
            };
            return policy == null ? null : store.tryConsume(policy, clientAddresses.of(exchange));
        }
        if (HttpMethod.PATCH.equals(method) && caller != null) {
            PathPattern.PathMatchInfo draft = SESSION_DRAFT.matchAndExtract(PathContainer.parsePath(path));
            if (draft != null) {
                String session = caller.getClaimAsString(TokenClaims.TENANT_ID) + ":"
                        + draft.getUriVariables().get("sessionId");
                return store.tryConsume(sessionDraft, session);
            }
        }
        return null;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** After Spring Security (-100), which establishes who the caller is. */
    @Override
    public int getOrder() {
        return -50;
    }
}
