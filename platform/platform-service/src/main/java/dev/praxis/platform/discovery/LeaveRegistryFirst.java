package dev.praxis.platform.discovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the service is told to stop, it leaves the service registry (Eureka: status DOWN) and goes on working as before
 * for the delay, while callers' copies of the registry (the gateway's load balancer, discovery's response cache) learn
 * that it is gone; only then does shutdown proceed (task executors, Kafka listeners, the web server's drain). Eureka's
 * own listener also marks the instance DOWN at that moment, but shutdown then goes straight on: the server stops
 * taking requests while callers still send them, and a write that meets it fails. The delay is 0 by default (tests,
 * the launcher). Runs first among the listeners of the context's close, once.
 */
final class LeaveRegistryFirst implements ApplicationListener<ContextClosedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LeaveRegistryFirst.class);

    private final ApplicationContext context;
    private final ObjectProvider<ServiceRegistry<?>> registry;
    private final ObjectProvider<Registration> registration;
    private final Duration delay;
    private final AtomicBoolean left = new AtomicBoolean();

    LeaveRegistryFirst(ApplicationContext context, ObjectProvider<ServiceRegistry<?>> registry,
                       ObjectProvider<Registration> registration, Duration delay) {
        this.context = context;
        this.registry = registry;
        this.registration = registration;
        this.delay = delay;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onApplicationEvent(ContextClosedEvent event) {
        // A child context (the management server's) announces its close to this one too.
        if (event.getApplicationContext() != context || !left.compareAndSet(false, true)) {
            return;
        }
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
}
