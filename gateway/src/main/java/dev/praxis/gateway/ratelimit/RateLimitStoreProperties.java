package dev.praxis.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where the buckets live ({@code praxis.gateway.rate-limit.*}).
 *
 * @param store      {@code memory} (each replica counts for itself) or {@code redis} (one count for all replicas)
 * @param redisUrl   the Redis server for {@code redis}
 * @param maxBuckets in memory: the most buckets kept per limit; idle ones are dropped after their period anyway
 */
@ConfigurationProperties("praxis.gateway.rate-limit")
record RateLimitStoreProperties(@DefaultValue("memory") Store store,
                                @DefaultValue("redis://localhost:6379") URI redisUrl,
                                @DefaultValue("100000") long maxBuckets) {

    enum Store { MEMORY, REDIS }
}
