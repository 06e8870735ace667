package dev.praxis.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store behind the limits. The Redis store is covered by configuration only (no Redis server on the build
 * machines): it is selected by {@code praxis.gateway.rate-limit.store=redis}, and an unreachable Redis lets requests
 * through instead of failing them.
 */
class RateLimitStoreTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(RateLimitConfiguration.class, Properties.class);

    @Test
    void keepsBucketsInMemoryByDefault() {
        contexts.run(context -> assertThat(context).getBean(RateLimitStore.class)
                .isInstanceOf(LocalRateLimitStore.class));
    }

    @Test
    void sharesBucketsInRedisWhenConfigured() throws IOException {
        contexts.withPropertyValues("praxis.gateway.rate-limit.store=redis",
                        "praxis.gateway.rate-limit.redis-url=redis://127.0.0.1:" + closedPort())
                .run(context -> assertThat(context).getBean(RateLimitStore.class)
                        .isInstanceOf(RedisRateLimitStore.class));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void letsRequestsThroughWhileRedisIsUnreachableAndSaysSoOnce(CapturedOutput output) throws Exception {
        RedisRateLimitStore store = new RedisRateLimitStore(URI.create("redis://127.0.0.1:" + closedPort()));
        try {
            Policy policy = Policy.of("test", new RateLimitProperties.Limit(1, Duration.ofMinutes(1)));
            for (int i = 0; i < 3; i++) {
                ConsumptionProbe probe = store.tryConsume(policy, "key").block(Duration.ofSeconds(10));
                assertThat(probe).isNotNull();
                assertThat(probe.isConsumed()).isTrue();
            }
            assertThat(output.getOut().split("rate limit store unavailable", -1)).as("one line per outage").hasSize(2);
        } finally {
            store.destroy();
        }
    }

    @Test
    void countsEachKeySeparatelyInMemory() {
        LocalRateLimitStore store = new LocalRateLimitStore(100);
        Policy policy = Policy.of("test", new RateLimitProperties.Limit(2, Duration.ofMinutes(1)));

        assertThat(consumed(store, policy, "a")).isTrue();
        assertThat(consumed(store, policy, "a")).isTrue();
        assertThat(consumed(store, policy, "a")).isFalse();
        assertThat(consumed(store, policy, "b")).isTrue();
    }

    private static boolean consumed(LocalRateLimitStore store, Policy policy, String key) {
        return store.tryConsume(policy, key).map(ConsumptionProbe::isConsumed).block();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitStoreProperties.class)
    static class Properties {
    }
}
