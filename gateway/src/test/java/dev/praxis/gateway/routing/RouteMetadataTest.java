package dev.praxis.gateway.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.gateway.route.Route;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route metadata the gateway cannot read stops it at start-up, naming the route and the key. */
class RouteMetadataTest {

    @Test
    void acceptsReadableValues() {
        Route route = route(Map.of(RouteMetadata.MAX_BODY_SIZE, "600MB",
                RouteMetadata.UPSTREAM_RESPONSE_TIMEOUT, "120s", RouteMetadata.MAX_CONCURRENT_REQUESTS, 16));

        assertThatCode(() -> RouteMetadata.check(route)).doesNotThrowAnyException();
        assertThatCode(() -> RouteMetadata.check(route(Map.of()))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "max-body-size, lots",
            "upstream-response-timeout, soon",
            "upstream-response-timeout, 0s",
            "max-concurrent-requests, many",
            "max-concurrent-requests, 0"})
    void refusesValuesItCannotRead(String key, String value) {
        assertThatThrownBy(() -> RouteMetadata.check(route(Map.of(key, value))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("route images: metadata " + key + " = '" + value + "' is not valid");
    }

    private static Route route(Map<String, Object> metadata) {
        return Route.async().id("images").uri("lb://lab-service").predicate(exchange -> true).metadata(metadata)
                .build();
    }
}
