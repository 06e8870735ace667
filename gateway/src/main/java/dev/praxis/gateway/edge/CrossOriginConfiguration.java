package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.PraxisHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Cross-origin access for browsers, from {@code praxis.gateway.cors.*}; Spring Security's CORS filter applies it before
 * authentication, so preflights need no token. No origins configured: no CORS headers, browsers refuse.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        EdgeProperties.Cors cors = properties.cors();
        if (!cors.allowedOrigins().isEmpty()) {
            var config = new org.springframework.web.cors.CorsConfiguration();
            config.setAllowedOrigins(cors.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", PraxisHeaders.REQUEST_ID,
                    PraxisHeaders.IDEMPOTENCY_KEY, PraxisHeaders.TRACEPARENT));
            config.setExposedHeaders(List.of(PraxisHeaders.REQUEST_ID, PraxisHeaders.TOTAL_COUNT,
                    PraxisHeaders.RETRY_AFTER, "Content-Disposition", "Location"));
            config.setAllowCredentials(cors.allowCredentials());
            config.setMaxAge(cors.maxAge());
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }
}
