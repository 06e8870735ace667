package dev.praxis.gateway.routing;

import dev.praxis.gateway.edge.ErrorResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load shedding: at most {@code praxis.gateway.max-concurrent-requests} requests per route are in flight from this
 * replica at a time (route metadata {@code max-concurrent-requests} overrides it). The next one is answered 503 with
 * {@code Retry-After} at once, before a service instance is chosen.
 * <p>
 * Without it, a service that has fallen behind gets an ever longer queue: every caller waits behind all the others
 * until the response timeout, and the service spends its time on answers nobody is still waiting for. With it, the
 * wait is bounded by the limit over the service's throughput (Little's law), and the callers beyond it learn so in
 * well under a millisecond. Shed requests are counted ({@code gateway.upstream.shed}), the requests in flight are a
 * gauge ({@code gateway.upstream.in.flight}), both per route; they are not logged one by one, since under overload
 * that would add work exactly when there is none to spare.
 */
@Component
final class ConcurrencyLimitFilter implements GlobalFilter, Ordered {

    static final String IN_FLIGHT_METER = "gateway.upstream.in.flight";
    static final String SHED_METER = "gateway.upstream.shed";
    static final String RETRY_AFTER_SECONDS = "1";

    private final RouteSettings settings;
    private final ErrorResponses errors;
    private final MeterRegistry meters;
    private final Map<String, RouteLimit> limits = new ConcurrentHashMap<>();

    ConcurrencyLimitFilter(RouteSettings settings, ErrorResponses errors, MeterRegistry meters) {
        this.settings = settings;
        this.errors = errors;
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        RouteLimit limit = limitOf(route);
        if (!limit.tryAcquire()) {
            limit.shed.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return errors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service busy, retry shortly");
        }
        // Released however the exchange ends: answered, failed, or abandoned by the caller.
        return chain.filter(exchange).doFinally(signal -> limit.release());
    }

    private RouteLimit limitOf(Route route) {
        RouteLimit limit = limits.get(route.getId());
        return limit != null ? limit : limits.computeIfAbsent(route.getId(), id -> register(id, route));
    }

    private RouteLimit register(String routeId, Route route) {
        RouteLimit limit = new RouteLimit(settings.of(route).maxConcurrentRequests(), Counter.builder(SHED_METER)
                .description("Requests answered 503 because the route had as many in flight as it may")
                .tag("route", routeId).register(meters));
        Gauge.builder(IN_FLIGHT_METER, limit.inFlight, AtomicInteger::get)
                .description("Requests of the route in flight from this replica")
                .tag("route", routeId).register(meters);
        return limit;
    }

    /** After the body size check, before load balancing and the call to the service. */
    @Override
    public int getOrder() {
        return 0;
    }

    private record RouteLimit(int max, AtomicInteger inFlight, Counter shed) {

        RouteLimit(int max, Counter shed) {
            this(max, new AtomicInteger(), shed);
        }

        boolean tryAcquire() {
            int current;
            do {
                current = inFlight.get();
                if (current >= max) {
                    return false;
                }
            } while (!inFlight.compareAndSet(current, current + 1));
            return true;
        }

        void release() {
            inFlight.decrementAndGet();
        }
    }
}
