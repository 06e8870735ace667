package dev.praxis.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * @param maxBodySize     the largest request body a route accepts unless its metadata says otherwise
 *                        ({@code max-body-size}; the sample-image upload route allows more)
 * @param connectTimeout  how long the gateway waits to connect to a service instance → 503
 * @param responseTimeout how long the gateway waits for a service's answer, and then between two reads of it, unless
 *                        the route's metadata says otherwise ({@code upstream-response-timeout}) → 504
 * @param maxConcurrentRequests how many requests of one route may be in flight from this replica before the next is
 *                        answered 503 at once, unless the route's metadata says otherwise
 *                        ({@code max-concurrent-requests})
 */
@ConfigurationProperties("praxis.gateway")
record RoutingProperties(
        @DefaultValue("20MB") DataSize maxBodySize,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("100") int maxConcurrentRequests) {

    RoutingProperties {
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("praxis.gateway.max-concurrent-requests must be at least 1");
        }
    }
}
