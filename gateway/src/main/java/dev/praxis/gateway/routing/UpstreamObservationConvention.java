package dev.praxis.gateway.routing;

import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.stereotype.Component;

/**
 * How a call to a service is observed (the client span and its metric). Two changes to Spring Cloud Gateway's default:
 * a metric name of its own, as WebClient's {@code http.client.requests} has other tags and Prometheus would drop one of
 * the two; and the path without the query string in the span, which can carry secrets
 * ({@code /api/v1/auth/verify-magic-link?token=...}).
 */
@Component
final class UpstreamObservationConvention extends DefaultGatewayObservationConvention {

    @Override
    public String getName() {
        return "gateway.upstream.requests";
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(GatewayContext context) {
        return KeyValues.of("http.uri", context.getRequest().getURI().getRawPath());
    }
}
