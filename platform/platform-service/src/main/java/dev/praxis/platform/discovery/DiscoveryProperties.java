package dev.praxis.platform.discovery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param deregistrationDelay how long a stopping service keeps serving after it left the registry, before it drains:
 *                            longer than callers take to notice (their registry fetch and caches); 0 stops at once
 */
@ConfigurationProperties("praxis.discovery")
record DiscoveryProperties(@DefaultValue("0s") Duration deregistrationDelay) {

    DiscoveryProperties {
        if (deregistrationDelay.isNegative()) {
            throw new IllegalArgumentException("praxis.discovery.deregistration-delay must not be negative");
        }
    }
}
