package dev.praxis.auth.token;

import dev.praxis.auth.key.KeyRing;
import dev.praxis.platform.security.PraxisSecurityProperties;
import dev.praxis.platform.security.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Set;

/**
 * auth-service verifies tokens like every service (RS256 only, the platform's claim checks) but against its own key
 * ring instead of fetching its own JWK set over HTTP, and additionally refuses revoked tokens: a logged-out token is
 * 401 here as well as at the gateway.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

    static final Set<String> SIGN_IN_PATHS = Set.of("/api/v1/auth/login", "/api/v1/auth/request-magic-link",
            "/api/v1/auth/verify-magic-link");

    @Bean
    JwtDecoder jwtDecoder(KeyRing keys, AccessTokens tokens, PraxisSecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                SecurityAutoConfiguration.tokenValidator(security), notRevoked(tokens)));
        return decoder;
    }

    /**
     * Signing in needs no token, and one a client still sends from an earlier session (expired, logged out) is not
     * read here: it turned a correct login into a 401. Elsewhere (registration by an admin, for one) a token sent is
     * a token checked.
     */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        // The decoded path: /api/v1/auth/logi%6E is the login too.
        return request -> SIGN_IN_PATHS.contains(request.getServletPath()) ? null : standard.resolve(request);
    }

    static OAuth2TokenValidator<Jwt> notRevoked(AccessTokens tokens) {
        OAuth2Error revoked = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token is revoked or unknown", null);
        return jwt -> tokens.isLive(jwt.getId())
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(revoked);
    }
}
