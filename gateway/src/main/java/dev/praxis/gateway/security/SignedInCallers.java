package dev.praxis.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * What the gateway can tell about a request's caller before Spring Security runs, at the cost of a map lookup: whether
 * the request needs no token (a public endpoint) or carries one the gateway has verified before. Such a request is
 * never refused for its address's failed attempts (ratelimit.AuthenticationFailureLimit): sign-in stays possible and
 * signed-in users keep working behind an address someone else is abusing.
 */
@Component
public final class SignedInCallers {

    private static final String PREFIX = "Bearer ";

    private final PublicEndpoints publicEndpoints;
    private final TokenVerifier tokens;

    SignedInCallers(PublicEndpoints publicEndpoints, TokenVerifier tokens) {
        this.publicEndpoints = publicEndpoints;
        this.tokens = tokens;
    }

    /** True for a public endpoint, or a bearer token verified before (its expiry and revocation are checked later). */
    public boolean isPublicOrKnown(ServerHttpRequest request) {
        if (publicEndpoints.isPublic(request)) {
            return true;
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && tokens.remembers(authorization.substring(PREFIX.length()));
    }
}
