package dev.praxis.gateway.revocation;

import dev.praxis.test.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationStoreTest {

    private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final RevocationStore store = new RevocationStore(clock);

    @Test
    void keepsARevocationUntilItsTokenWouldHaveExpired() {
        store.revoke("a", clock.instant().plus(Duration.ofMinutes(10)));
        store.revoke("b", clock.instant().plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(15));
        store.evictExpired();

        assertThat(store.isRevoked("a")).isFalse();
        assertThat(store.isRevoked("b")).isTrue();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void ignoresRevocationsOfTokensThatHaveAlreadyExpired() {
        store.revoke("old", clock.instant().minusSeconds(1));

        assertThat(store.isRevoked("old")).isFalse();
    }

    @Test
    void keepsTheLaterExpiryWhenTheSameTokenIsRevokedTwice() {
        store.revoke("a", clock.instant().plus(Duration.ofMinutes(30)));
        store.revoke("a", clock.instant().plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(10));
        store.evictExpired();

        assertThat(store.isRevoked("a")).isTrue();
    }
}
