package dev.praxis.gateway.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Buckets by policy and key; {@link LocalRateLimitStore} or {@link RedisRateLimitStore}. */
interface RateLimitStore {

    /** Takes one token from the bucket of {@code key} under {@code policy}. */
    Mono<ConsumptionProbe> tryConsume(Policy policy, String key);
}
