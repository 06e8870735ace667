package dev.praxis.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param trustedProxies    CIDR blocks whose {@code X-Forwarded-For} is believed (default none)
 * @param cors              browsers' cross-origin access (default none)
 * @param clientReadTimeout the longest pause allowed while a client sends a request body (default 30 s)
 * @param maxRequestHeaders header lines a request may have (default 64)
 */
@ConfigurationProperties("praxis.gateway")
record EdgeProperties(@DefaultValue List<String> trustedProxies, @DefaultValue Cors cors,
                      @DefaultValue("30s") Duration clientReadTimeout, @DefaultValue("64") int maxRequestHeaders) {

    EdgeProperties {
        if (maxRequestHeaders < 16) {
            throw new IllegalArgumentException("praxis.gateway.max-request-headers must be at least 16");
        }
    }

    /**
     * @param allowedOrigins   exact origins ({@code https://app.example.com}); empty: no cross-origin access
     * @param allowCredentials whether browsers may send credentials (never together with a {@code *} origin)
     * @param maxAge           how long a browser may cache a preflight answer
     */
    record Cors(@DefaultValue List<String> allowedOrigins, boolean allowCredentials,
                @DefaultValue("30m") Duration maxAge) {

        Cors {
            allowedOrigins = allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
            if (allowCredentials && allowedOrigins.contains("*")) {
                throw new IllegalArgumentException(
                        "praxis.gateway.cors: allow-credentials cannot be combined with the origin *");
            }
        }
    }
}
