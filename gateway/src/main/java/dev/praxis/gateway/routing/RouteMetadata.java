package dev.praxis.gateway.routing;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The gateway's own route metadata: each key, how its value is read, and a check of every route's at start-up, so that
 * a value the gateway cannot read stops it from starting instead of failing that route's requests later.
 */
@Component
final class RouteMetadata implements SmartInitializingSingleton {

    static final String MAX_BODY_SIZE = "max-body-size";
    static final String UPSTREAM_RESPONSE_TIMEOUT = "upstream-response-timeout";
    static final String MAX_CONCURRENT_REQUESTS = "max-concurrent-requests";

    private static final Duration LOAD_ROUTES_TIMEOUT = Duration.ofSeconds(30);

    private final RouteLocator routes;

    RouteMetadata(RouteLocator routes) {
        this.routes = routes;
    }

    static DataSize maxBodySize(Object value) {
        return DataSize.parse(value.toString().trim());
    }

    static Duration upstreamResponseTimeout(Object value) {
        Duration timeout = DurationStyle.detectAndParse(value.toString().trim());
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return timeout;
    }

    static int maxConcurrentRequests(Object value) {
        int max = Integer.parseInt(value.toString().trim());
        if (max < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return max;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Route> all = routes.getRoutes().collectList().block(LOAD_ROUTES_TIMEOUT);
        if (all != null) {
            all.forEach(RouteMetadata::check);
        }
    }

    static void check(Route route) {
        check(route, MAX_BODY_SIZE, RouteMetadata::maxBodySize);
        check(route, UPSTREAM_RESPONSE_TIMEOUT, RouteMetadata::upstreamResponseTimeout);
        check(route, MAX_CONCURRENT_REQUESTS, RouteMetadata::maxConcurrentRequests);
    }

    private static void check(Route route, String key, Function<Object, ?> reader) {
        Object value = route.getMetadata().get(key);
        if (value == null) {
            return;
        }
        try {
            reader.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalStateException("route " + route.getId() + ": metadata " + key + " = '" + value
                    + "' is not valid (" + e.getMessage() + ")", e);
        }
    }
}
