package dev.praxis.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Routes that exist only in tests, for failures no production route can be made to show on demand: a service with
 * no registered instance, one whose instance refuses connections, and one that takes a single request at a time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestRoutes {

    static final String NO_INSTANCE = "/test/no-instance";
    public static final String REFUSED = "/test/refused";
    public static final String ONE_AT_A_TIME = "/test/one-at-a-time";
    public static final String ONE_AT_A_TIME_ROUTE = "test-one-at-a-time";

    @Bean
    RouteLocator testRoutes(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("test-no-instance", route -> route.path(NO_INSTANCE + "/**").uri("lb://nobody-service"))
                .route("test-refused", route -> route.path(REFUSED + "/**").uri("lb://" + Upstreams.REFUSING))
                .route(ONE_AT_A_TIME_ROUTE, route -> route.path(ONE_AT_A_TIME + "/**")
                        .metadata("max-concurrent-requests", 1)
                        .metadata("upstream-response-timeout", "10s")
                        .uri("lb://audit-service"))
                .build();
    }
}
