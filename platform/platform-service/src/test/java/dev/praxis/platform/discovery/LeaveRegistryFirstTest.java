package dev.praxis.platform.discovery;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping service leaves the registry before its web server drains, then keeps serving for the configured delay.
 * The registry is a recording stand-in typed to its own registration class, as Eureka's is.
 */
class LeaveRegistryFirstTest {

    private final Recorded registry = new Recorded();

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DiscoveryAutoConfiguration.class));

    @Test
    void stopsBeforeTheWebServerDrains() {
        contexts.run(context -> assertThat(context.getBean(LeaveRegistryFirst.class).getPhase())
                .isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE));
    }

    @Test
    void leavesTheRegistryWhenTheServiceStops() {
        Self self = new Self();
        contexts.withBean(Recorded.class, () -> registry).withBean(Self.class, () -> self)
                .run(context -> assertThat(registry.left).isEmpty());

        assertThat(registry.left).containsExactly(self);
    }

    @Test
    void keepsServingForTheDelayAfterLeaving() {
        contexts.withPropertyValues("praxis.discovery.deregistration-delay=300ms")
                .withBean(Recorded.class, () -> registry).withBean(Self.class, Self::new)
                .run(context -> {
                    long start = System.nanoTime();
                    context.close();

                    assertThat(registry.left).hasSize(1);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
                });
    }

    @Test
    void stopsAtOnceWhereNothingIsRegistered() {
        contexts.withPropertyValues("praxis.discovery.deregistration-delay=30s")
                .run(context -> {
                    long start = System.nanoTime();
                    context.close();

                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                });
    }

    static final class Self implements Registration {

        @Override
        public String getServiceId() {
            return "scheduling-service";
        }

        @Override
        public String getHost() {
            return "10.0.0.7";
        }

        @Override
        public int getPort() {
            return 9002;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public URI getUri() {
            return URI.create("http://10.0.0.7:9002");
        }

        @Override
        public Map<String, String> getMetadata() {
            return Map.of();
        }
    }

    static final class Recorded implements ServiceRegistry<Self> {

        final List<Self> left = new CopyOnWriteArrayList<>();

        @Override
        public void register(Self registration) {
        }

        @Override
        public void deregister(Self registration) {
            left.add(registration);
        }

        @Override
        public void close() {
        }

        @Override
        public void setStatus(Self registration, String status) {
        }

        @Override
        public <T> T getStatus(Self registration) {
            return null;
        }
    }
}
