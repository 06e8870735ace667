package dev.praxis.gateway.routing;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each route's own settings: the gateway's keys in its metadata, else the gateway's defaults ({@code praxis.gateway.*}).
 * A route's metadata is read once, when it is first asked for, and every route's is read at start-up, so a value the
 * gateway cannot read stops it from starting instead of failing that route's requests later.
 */
@Component
final class RouteSettings implements SmartInitializingSingleton {

    static final String MAX_BODY_SIZE = "max-body-size";
    static final String UPSTREAM_RESPONSE_TIMEOUT = "upstream-response-timeout";
    static final String MAX_CONCURRENT_REQUESTS = "max-concurrent-requests";

    private static final Duration LOAD_ROUTES_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param maxBodySize           the largest request body, in bytes
     * @param ownResponseTimeout    the route's own response timeout, if its metadata sets one (the HTTP client applies
     *                              the gateway's default to every other route)
     * @param maxConcurrentRequests how many of its requests may be in flight from this replica
     */
    record Settings(long maxBodySize, Optional<Duration> ownResponseTimeout, int maxConcurrentRequests) {
    }

    /** The route the settings were read from: a route rebuilt under the same id is read again. */
    private record ReadFrom(Route route, Settings settings) {
    }

    private final RouteLocator routes;
    private final Settings defaults;
    private final Map<String, ReadFrom> byRouteId = new ConcurrentHashMap<>();

    RouteSettings(RouteLocator routes, RoutingProperties properties) {
        this.routes = routes;
        this.defaults = new Settings(properties.maxBodySize().toBytes(), Optional.empty(),
                properties.maxConcurrentRequests());
    }

    /** The route's settings; without a route, the gateway's defaults. */
    Settings of(Route route) {
        if (route == null) {
            return defaults;
        }
        ReadFrom read = byRouteId.get(route.getId());
        if (read == null || read.route() != route) {
            read = new ReadFrom(route, read(route));
            byRouteId.put(route.getId(), read);
        }
        return read.settings();
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Route> all = routes.getRoutes().collectList().block(LOAD_ROUTES_TIMEOUT);
        if (all != null) {
            all.forEach(this::of);
        }
    }

    private Settings read(Route route) {
        return new Settings(
                value(route, MAX_BODY_SIZE, DataSize::parse).map(DataSize::toBytes)
                        .orElse(defaults.maxBodySize()),
                value(route, UPSTREAM_RESPONSE_TIMEOUT, RouteSettings::positiveDuration),
                value(route, MAX_CONCURRENT_REQUESTS, RouteSettings::atLeastOne)
                        .orElse(defaults.maxConcurrentRequests()));
    }

    private static <T> Optional<T> value(Route route, String key, Function<String, T> reader) {
        Object value = route.getMetadata().get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(reader.apply(value.toString().trim()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("route " + route.getId() + ": metadata " + key + " = '" + value
                    + "' is not valid (" + e.getMessage() + ")", e);
        }
    }

    private static Duration positiveDuration(String value) {
        Duration duration = DurationStyle.detectAndParse(value);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return duration;
    }

    private static int atLeastOne(String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException("must be at least 1");
        }
        return number;
    }
}
