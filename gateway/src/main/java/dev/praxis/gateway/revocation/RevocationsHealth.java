package dev.praxis.gateway.revocation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service until the active revocations are loaded (part of the readiness group, {@code application.yml}): before
 * that, a token logged out while this replica was starting would still be let through.
 */
@Component("revocations")
final class RevocationsHealth implements HealthIndicator {

    private final RevocationLoader loader;

    RevocationsHealth(RevocationLoader loader) {
        this.loader = loader;
    }

    @Override
    public Health health() {
        return loader.loaded() ? Health.up().build() : Health.outOfService().build();
    }
}
