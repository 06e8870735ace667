package dev.praxis.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Two routes that exist only in tests, for failures no production route can be made to show on demand: a service with
 * no registered instance, and one whose instance refuses connections.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestRoutes {

    static final String NO_INSTANCE = "/test/no-instance";
    static final String REFUSED = "/test/refused";

    @Bean
    RouteLocator testRoutes(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("test-no-instance", route -> route.path(NO_INSTANCE + "/**").uri("lb://nobody-service"))
                .route("test-refused", route -> route.path(REFUSED + "/**").uri("lb://" + Upstreams.REFUSING))
                .build();
    }
}
