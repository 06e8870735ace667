package dev.praxis.gateway.revocation;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti}s auth-service has revoked (logout, user deactivation), each kept until the token it names would have
 * expired anyway. Filled by {@link RevocationLoader} (the active ones, at start-up) and {@link RevocationEvents} (each
 * new one, live). A lookup per request; expired entries are evicted in the background.
 */
@Component
public final class RevocationStore {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    RevocationStore(Clock clock) {
        this.clock = clock;
    }

    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    void revoke(String jti, Instant expiresAt) {
        if (expiresAt.isAfter(clock.instant())) {
            revoked.merge(jti, expiresAt, (known, added) -> known.isAfter(added) ? known : added);
        }
    }

    @Scheduled(fixedDelayString = "${praxis.gateway.revocations.eviction-interval:1m}")
    void evictExpired() {
        Instant now = clock.instant();
        revoked.values().removeIf(expiresAt -> !expiresAt.isAfter(now));
    }

    int size() {
        return revoked.size();
    }
}
