package dev.praxis.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the shared rate-limit store is answering, logged when that changes: a WARN when an outage begins, an INFO
 * when it ends. While it lasts every request fails over to being let through, and a line per request would flood the
 * log at the moment someone needs to read it.
 */
final class StoreOutage {

    private static final Logger log = LoggerFactory.getLogger(StoreOutage.class);
    private final AtomicBoolean ongoing = new AtomicBoolean();

    void failed(Throwable error) {
        if (!ongoing.get() && ongoing.compareAndSet(false, true)) {
            log.warn("rate limit store unavailable, requests let through until it answers: {}", error.toString());
        }
    }

    /** Called on every answered request: a plain read, and a write only when an outage ends. */
    void answered() {
        if (ongoing.get() && ongoing.compareAndSet(true, false)) {
            log.info("rate limit store answering again, limits enforced");
        }
    }
}
