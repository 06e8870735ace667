package dev.praxis.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves, so expiry, lockout windows and key age are tested without waiting: real time plus an offset
 * ({@code new TestClock()}, for an application context), or a fixed instant plus an offset ({@link #fixedAt}, for a
 * unit test). A test that moves a shared one resets it afterwards.
 */
public final class TestClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public TestClock() {
        this(Clock.systemUTC());
    }

    private TestClock(Clock base) {
        this.base = base;
    }

    public static TestClock fixedAt(Instant instant) {
        return new TestClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
