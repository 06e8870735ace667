package dev.praxis.gateway.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param services the services {@code GET /health} reports on, by Eureka id
 * @param timeout  how long one service's health check may take before it counts as down
 * @param cacheFor how long one round of checks answers every {@code GET /health}; zero checks on every request
 */
@ConfigurationProperties("praxis.gateway.health")
record HealthProperties(@DefaultValue List<String> services, @DefaultValue("2s") Duration timeout,
                        @DefaultValue("2s") Duration cacheFor) {
}
