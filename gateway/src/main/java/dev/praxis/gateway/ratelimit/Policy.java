package dev.praxis.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;

/** One named limit as Bucket4j sees it: {@code capacity} tokens, all refilled at once every {@code period}. */
record Policy(String name, Bandwidth bandwidth, Duration period) {

    static Policy of(String name, RateLimitProperties.Limit limit) {
        return new Policy(name, Bandwidth.builder().capacity(limit.capacity())
                .refillIntervally(limit.capacity(), limit.period()).build(), limit.period());
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth).build();
    }
}
