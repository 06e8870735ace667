package dev.praxis.platform.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * On shutdown, leaves the service registry before the web server drains, then keeps serving for the delay, while
 * callers' copies of the registry (the gateway's load balancer, discovery's response cache) learn that it is gone.
 * Without it the server stops taking requests first and leaves the registry last: callers keep sending to it for as
 * long as their copies are stale, and a write that meets it fails. The delay is 0 by default (tests, the launcher).
 */
final class LeaveRegistryFirst implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaveRegistryFirst.class);

    private final ObjectProvider<ServiceRegistry<?>> registry;
    private final ObjectProvider<Registration> registration;
    private final Duration delay;
    private volatile boolean running;

    LeaveRegistryFirst(ObjectProvider<ServiceRegistry<?>> registry,
                       ObjectProvider<Registration> registration, Duration delay) {
        this.registry = registry;
        this.registration = registration;
        this.delay = delay;
    }

    /** Stopped before the graceful shutdown of the web server, which has the next lower phase. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void stop() {
        running = false;
        ServiceRegistry services = registry.getIfUnique();
        Registration self = registration.getIfUnique();
        if (services == null || self == null) {
            return;
        }
        services.deregister(self);
        if (!delay.isZero()) {
            log.info("left the registry; serving for {} ms more before shutting down", delay.toMillis());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
