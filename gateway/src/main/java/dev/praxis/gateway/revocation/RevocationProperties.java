package dev.praxis.gateway.revocation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * ({@code praxis.gateway.revocations.consumer-group}, {@code gateway-<random uuid>} by default, is read by
 * {@link RevocationEvents}' listener.)
 *
 * @param retryMaxBackoff  the longest pause between attempts to load the active revocations from auth-service
 * @param fallbackTtl      how long a revocation without a readable {@code expires_at} is kept (longer than any token)
 */
@ConfigurationProperties("praxis.gateway.revocations")
record RevocationProperties(@DefaultValue("30s") Duration retryMaxBackoff,
                            @DefaultValue("24h") Duration fallbackTtl) {
}
