package dev.praxis.local;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a readiness check until it passes, the time is up, or the stack is being stopped. */
final class Readiness {

    static final int LOG_LINES_ON_FAILURE = 40;
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final Duration timeout;
    private final BooleanSupplier stopping;

    Readiness(Duration timeout, BooleanSupplier stopping) {
        this.timeout = timeout;
        this.stopping = stopping;
    }

    void await(String what, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (stopping.getAsBoolean()) {
                throw new StackStartupException("Stopped while waiting for " + what);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StackStartupException(what + " was not ready within " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
    }

    /** Waits for a child process, failing at once if it exits, and with the end of its log on any failure. */
    void await(ChildProcess child, BooleanSupplier ready) {
        try {
            await(child.name(), () -> {
                if (!child.isAlive()) {
                    throw new StackStartupException(child.name() + " exited with code " + child.exitValue()
                            + " before it was ready");
                }
                return ready.getAsBoolean();
            });
        } catch (StackStartupException e) {
            throw new StackStartupException(e.getMessage() + " (log: " + child.log() + ")",
                    child.lastLogLines(LOG_LINES_ON_FAILURE), e);
        }
    }
}
