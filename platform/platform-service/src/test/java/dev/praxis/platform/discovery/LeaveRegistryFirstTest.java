package dev.praxis.platform.discovery;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping service leaves the registry first and goes on working for the configured delay: its task executor still
 * takes work and its web server has not begun to drain. The registry is a recording stand-in typed to its own
 * registration class, as Eureka's is.
 */
class LeaveRegistryFirstTest {

    private final Recorded registry = new Recorded();

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DiscoveryAutoConfiguration.class))
            .withBean(Recorded.class, () -> registry)
            .withBean(Self.class, Self::new);

    @Test
    void leavesTheRegistryThenWorksOnForTheDelayBeforeAnythingStops() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        Server server = new Server();
        contexts.withPropertyValues("praxis.discovery.deregistration-delay=300ms")
                .withBean(ThreadPoolTaskExecutor.class, () -> executor)
                .withBean(Server.class, () -> server)
                .run(context -> {
                    registry.onLeave = () -> registry.workDuringDelay = executor.submit(() -> "mail sent");
                    context.close();

                    assertThat(registry.left).hasSize(1);
                    assertThat(registry.workDuringDelay.get()).isEqualTo("mail sent");
                    assertThat(Duration.ofNanos(server.stoppedAt - registry.leftAt))
                            .isGreaterThanOrEqualTo(Duration.ofMillis(300));
                });
    }

    @Test
    void leavesOnceAndNotWhenAChildContextCloses() {
        contexts.run(context -> {
            AnnotationConfigApplicationContext management = new AnnotationConfigApplicationContext();
            management.setParent(context);
            management.refresh();
            management.close();
            assertThat(registry.left).isEmpty();

            context.close();
            context.close();
            assertThat(registry.left).hasSize(1);
        });
    }

    @Test
    void stopsAtOnceWhereNothingIsRegistered() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DiscoveryAutoConfiguration.class))
                .withPropertyValues("praxis.discovery.deregistration-delay=30s")
                .run(context -> {
                    long start = System.nanoTime();
                    context.close();

                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                });
    }

    /** Stands for the web server, whose graceful shutdown is the first thing that refuses requests. */
    static final class Server implements SmartLifecycle {

        volatile boolean running;
        volatile long stoppedAt;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            stoppedAt = System.nanoTime();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;
        }
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
        volatile long leftAt;
        volatile Runnable onLeave = () -> { };
        volatile Future<String> workDuringDelay;

        @Override
        public void register(Self registration) {
        }

        @Override
        public void deregister(Self registration) {
            leftAt = System.nanoTime();
            left.add(registration);
            onLeave.run();
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
