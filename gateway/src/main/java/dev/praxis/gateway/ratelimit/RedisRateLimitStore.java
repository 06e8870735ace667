package dev.praxis.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets in Redis, shared by every gateway replica (Bucket4j's compare-and-swap over Lettuce, fully asynchronous:
 * nothing blocks an event-loop thread). Keys expire once their bucket would be full again. Connects in the background
 * and reconnects after a failure; while Redis is unreachable requests are let through: an outage of the limiter must
 * not become an outage of the API. The outage is logged when it begins and when it ends, not once per request.
 */
final class RedisRateLimitStore implements RateLimitStore, DisposableBean {

    private static final String KEY_PREFIX = "praxis:rate-limit:";
    private static final long RECONNECT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final RedisURI uri;
    private final StoreOutage outage = new StoreOutage();
    private volatile CompletableFuture<AsyncProxyManager<String>> buckets;
    private volatile long connectedAt;

    RedisRateLimitStore(URI redisUrl) {
        this.uri = RedisURI.create(redisUrl);
        this.client = RedisClient.create();
        this.buckets = connect();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(Policy policy, String key) {
        return Mono.fromFuture(() -> buckets().thenCompose(manager -> manager.builder()
                        .build(KEY_PREFIX + policy.name() + ":" + key,
                                () -> CompletableFuture.completedFuture(policy.configuration()))
                        .tryConsumeAndReturnRemaining(1)))
                .doOnNext(answer -> outage.answered())
                .onErrorResume(error -> {
                    outage.failed(error);
                    return Mono.just(ConsumptionProbe.consumed(0, 0));
                });
    }

    private CompletableFuture<AsyncProxyManager<String>> buckets() {
        CompletableFuture<AsyncProxyManager<String>> current = buckets;
        if (current.isCompletedExceptionally() && System.nanoTime() - connectedAt > RECONNECT_INTERVAL_NANOS) {
            synchronized (this) {
                if (buckets == current) {
                    buckets = connect();
                }
                current = buckets;
            }
        }
        return current;
    }

    private CompletableFuture<AsyncProxyManager<String>> connect() {
        connectedAt = System.nanoTime();
        return client.connectAsync(CODEC, uri).toCompletableFuture()
                .thenApply(connection -> Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build()
                        .asAsync());
    }

    @Override
    public void destroy() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
