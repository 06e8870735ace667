package dev.praxis.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * @param jwkSetUri            auth-service's JWK set ({@code JWKS_URI})
 * @param jwkSetRefreshFloor   an unknown {@code kid} fetches the JWK set again at most once per this interval
 * @param jwkSetMaxAge         the JWK set is re-read in the background when older, so withdrawn keys stop working
 * @param clockSkew            tolerance on {@code exp}/{@code nbf}/{@code iat}; at most 30 s
 * @param tenantSignupEnabled  whether {@code POST /api/v1/tenants/} (bootstrapping a tenant) needs no token
 */
@ConfigurationProperties("praxis.gateway")
record TokenProperties(URI jwkSetUri, @DefaultValue("10s") Duration jwkSetRefreshFloor,
                       @DefaultValue("5m") Duration jwkSetMaxAge, @DefaultValue("30s") Duration clockSkew,
                       @DefaultValue("true") boolean tenantSignupEnabled) {

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);

    TokenProperties {
        Objects.requireNonNull(jwkSetUri, "praxis.gateway.jwk-set-uri must be set");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("praxis.gateway.clock-skew must be between 0 and 30 s");
        }
    }
}
