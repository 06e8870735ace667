package dev.praxis.gateway.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health of every service, checked in parallel: the load balancer picks an instance (none registered: "absent")
 * and its {@code /actuator/health} must answer UP within the timeout ("up"), anything else is "down".
 * <p>
 * {@code GET /health} is public, and each round of checks costs every service a health check of its own (database,
 * broker): one round answers every request for {@code cache-for}, and requests that arrive while a round is running
 * wait for it instead of starting another, so no number of anonymous callers multiplies the load on the services.
 */
@Component
final class ServiceHealth {

    static final String UP = "up";
    static final String DOWN = "down";
    static final String ABSENT = "absent";

    private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers;
    private final WebClient http;
    private final List<String> services;
    private final Duration timeout;
    private final Mono<Map<String, String>> report;

    ServiceHealth(ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers, WebClient.Builder http,
                  HealthProperties properties) {
        this.loadBalancers = loadBalancers;
        this.http = http.build();
        this.services = properties.services();
        this.timeout = properties.timeout();
        Mono<Map<String, String>> checkEveryService = Mono.defer(this::checkEveryService);
        Duration cacheFor = properties.cacheFor();
        this.report = cacheFor.isZero() || cacheFor.isNegative()
                ? checkEveryService : checkEveryService.cache(cacheFor);
    }

    /** Service → "up" | "down" | "absent", in the configured order. */
    Mono<Map<String, String>> check() {
        return report;
    }

    private Mono<Map<String, String>> checkEveryService() {
        return Flux.fromIterable(services)
                .flatMapSequential(service -> statusOf(service).map(status -> Map.entry(service, status)))
                .collect(LinkedHashMap::new, (report, entry) -> report.put(entry.getKey(), entry.getValue()));
    }

    private Mono<String> statusOf(String service) {
        return Mono.from(loadBalancers.getInstance(service).choose())
                .flatMap(choice -> choice.hasServer() ? probe(choice.getServer()) : Mono.just(ABSENT))
                .defaultIfEmpty(ABSENT)
                .onErrorReturn(DOWN);
    }

    private Mono<String> probe(ServiceInstance instance) {
        return http.get().uri(instance.getUri().resolve("/actuator/health")).retrieve()
                .bodyToMono(ActuatorHealth.class)
                .map(health -> "UP".equals(health.status()) ? UP : DOWN)
                .timeout(timeout)
                .onErrorReturn(DOWN);
    }

    record ActuatorHealth(@JsonProperty("status") String status) {
    }
}
