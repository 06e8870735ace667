package dev.praxis.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * @param jwkSetUri   where auth-service publishes its public keys
 * @param publicPaths paths a service serves without a token, beyond health, info, metrics and its OpenAPI document
 * @param clockSkew   tolerance on {@code exp}, {@code iat} and {@code nbf}
 * @param rememberedTokens    how many verified tokens are remembered, so their signature is not checked again
 * @param rememberTokensFor   how long one is remembered (its claims are still validated on every request)
 */
@ConfigurationProperties("praxis.security")
public record PraxisSecurityProperties(
        URI jwkSetUri,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("2s") Duration jwkSetConnectTimeout,
        @DefaultValue("3s") Duration jwkSetReadTimeout,
        @DefaultValue("10000") int rememberedTokens,
        @DefaultValue("5m") Duration rememberTokensFor) {
}
