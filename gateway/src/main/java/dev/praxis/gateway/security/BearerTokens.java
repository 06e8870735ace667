package dev.praxis.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of a request: {@code Authorization: Bearer <token>} only (never a query parameter or a form field).
 * On public endpoints no token is examined. Spring Security's own converter checks the token's characters with a
 * regular expression over ~800 characters on every request; here {@link TokenVerifier} checks them
 * ({@link #isWellFormed}) only for a token it has not verified before: a remembered one is the exact same string.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    private final PublicEndpoints publicEndpoints;

    BearerTokens(PublicEndpoints publicEndpoints) {
        this.publicEndpoints = publicEndpoints;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        if (publicEndpoints.isPublic(exchange.getRequest())) {
            return Mono.empty();
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.empty();
        }
        String token = authorization.substring(PREFIX.length());
        if (token.isEmpty()) {
            return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(
                    "Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** RFC 6750 b64token characters, non-empty. */
    static boolean isWellFormed(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
