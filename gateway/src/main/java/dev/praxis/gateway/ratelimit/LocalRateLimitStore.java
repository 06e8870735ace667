package dev.praxis.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this replica's memory. Bounded: a bucket idle for its whole period is dropped (it would be full again
 * anyway), and each policy keeps at most {@code maxBuckets}.
 */
final class LocalRateLimitStore implements RateLimitStore {

    private final long maxBuckets;
    private final Map<String, Cache<String, Bucket>> buckets = new ConcurrentHashMap<>();

    LocalRateLimitStore(long maxBuckets) {
        this.maxBuckets = maxBuckets;
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(Policy policy, String key) {
        Bucket bucket = bucketsOf(policy).get(key, ignored -> Bucket.builder().addLimit(policy.bandwidth()).build());
        return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
    }

    private Cache<String, Bucket> bucketsOf(Policy policy) {
        return buckets.computeIfAbsent(policy.name(), name -> Caffeine.newBuilder()
                // Housekeeping on the calling event loop: the default (the common pool) woke another thread every
                // few requests.
                .executor(Runnable::run)
                .expireAfterAccess(policy.period())
                .maximumSize(maxBuckets)
                .build());
    }
}
