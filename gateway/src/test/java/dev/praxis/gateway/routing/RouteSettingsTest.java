package dev.praxis.gateway.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A route's settings come from its metadata, else the gateway's defaults; metadata the gateway cannot read stops it at
 * start-up, naming the route and the key.
 */
class RouteSettingsTest {

    private static final RoutingProperties DEFAULTS = new RoutingProperties(DataSize.ofMegabytes(20),
            Duration.ofSeconds(2), Duration.ofSeconds(10), 100);

    @Test
    void readsTheRoutesOwnValues() {
        Route route = route(Map.of(RouteSettings.MAX_BODY_SIZE, "600MB",
                RouteSettings.UPSTREAM_RESPONSE_TIMEOUT, "120s", RouteSettings.MAX_CONCURRENT_REQUESTS, 16));

        assertThat(settings().of(route)).isEqualTo(new RouteSettings.Settings(DataSize.ofMegabytes(600).toBytes(),
                Optional.of(Duration.ofSeconds(120)), 16));
    }

    @Test
    void fallsBackToTheGatewayDefaults() {
        RouteSettings.Settings defaults = new RouteSettings.Settings(DataSize.ofMegabytes(20).toBytes(),
                Optional.empty(), 100);

        assertThat(settings().of(route(Map.of()))).isEqualTo(defaults);
        assertThat(settings().of(null)).isEqualTo(defaults);
    }

    @Test
    void readsARouteRebuiltUnderTheSameIdAgain() {
        RouteSettings settings = settings();
        settings.of(route(Map.of(RouteSettings.MAX_CONCURRENT_REQUESTS, 16)));

        assertThat(settings.of(route(Map.of(RouteSettings.MAX_CONCURRENT_REQUESTS, 4))).maxConcurrentRequests())
                .isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({
            "max-body-size, lots",
            "upstream-response-timeout, soon",
            "upstream-response-timeout, 0s",
            "max-concurrent-requests, many",
            "max-concurrent-requests, 0"})
    void refusesAtStartUpValuesItCannotRead(String key, String value) {
        RouteSettings settings = new RouteSettings(() -> Flux.just(route(Map.of(key, value))), DEFAULTS);

        assertThatThrownBy(settings::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("route images: metadata " + key + " = '" + value + "' is not valid");
    }

    private static RouteSettings settings() {
        return new RouteSettings(Flux::empty, DEFAULTS);
    }

    private static Route route(Map<String, Object> metadata) {
        return Route.async().id("images").uri("lb://lab-service").predicate(exchange -> true).metadata(metadata)
                .build();
    }
}
