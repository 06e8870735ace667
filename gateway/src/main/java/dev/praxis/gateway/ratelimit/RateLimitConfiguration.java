package dev.praxis.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bucket store: in memory unless {@code praxis.gateway.rate-limit.store=redis}. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    static final String STORE_PROPERTY = "praxis.gateway.rate-limit.store";

    @Bean
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "memory", matchIfMissing = true)
    RateLimitStore localRateLimitStore(RateLimitStoreProperties properties) {
        return new LocalRateLimitStore(properties.maxBuckets());
    }

    @Bean
    @ConditionalOnProperty(name = STORE_PROPERTY, havingValue = "redis")
    RateLimitStore redisRateLimitStore(RateLimitStoreProperties properties) {
        return new RedisRateLimitStore(properties.redisUrl());
    }
}
