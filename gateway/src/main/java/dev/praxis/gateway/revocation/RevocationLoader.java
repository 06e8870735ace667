package dev.praxis.gateway.revocation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads the active revocations from auth-service ({@code GET lb://auth-service/internal/revocations}) once the gateway
 * is up, and again whenever the revocation consumer gets its partitions (so nothing revoked between the two is missed).
 * In the background, retrying with back-off until auth-service answers. Until the first load the gateway is not ready
 * ({@link RevocationsHealth}): a replica that does not know yet which tokens are revoked takes no traffic.
 */
@Component
final class RevocationLoader implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RevocationLoader.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_LIST_BYTES = 32 * 1024 * 1024;

    private final WebClient authService;
    private final RevocationStore store;
    private final Duration retryMaxBackoff;
    private final AtomicReference<Disposable> running = new AtomicReference<>();
    private volatile boolean loaded;

    RevocationLoader(WebClient.Builder http, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
                     RevocationStore store, RevocationProperties properties) {
        // The list is read whole (see load()); WebClient's default 256 KB would stop at ~2,800 active revocations.
        this.authService = http.baseUrl("http://auth-service").filter(loadBalancer)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_LIST_BYTES)).build();
        this.store = store;
        this.retryMaxBackoff = properties.retryMaxBackoff();
    }

    @EventListener(ApplicationReadyEvent.class)
    void reload() {
        Disposable attempt = load()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250)).maxBackoff(retryMaxBackoff)
                        .doBeforeRetry(RevocationLoader::logFailure))
                .subscribe(count -> {
                    loaded = true;
                    log.info("{} active token revocations loaded from auth-service", count);
                });
        Disposable previous = running.getAndSet(attempt);
        if (previous != null) {
            previous.dispose();
        }
    }

    /** Whether the active revocations have been loaded at least once. */
    boolean loaded() {
        return loaded;
    }

    /** The first failure and every tenth after it: auth-service may take a while to come up. */
    private static void logFailure(Retry.RetrySignal failed) {
        long attempt = failed.totalRetries() + 1;
        if (attempt == 1 || attempt % 10 == 0) {
            log.warn("active revocations not loaded yet (attempt {}), retrying: {}", attempt,
                    failed.failure().toString());
        }
    }

    /** Anything but a JSON array (say, a proxy's error page with status 200) fails the attempt, which is retried. */
    Mono<Long> load() {
        return authService.get().uri("/internal/revocations").retrieve()
                .bodyToMono(ActiveRevocation[].class)
                .timeout(REQUEST_TIMEOUT)
                .flatMapIterable(Arrays::asList)
                .filter(revocation -> revocation.jti() != null && revocation.expiresAt() != null)
                .doOnNext(revocation -> store.revoke(revocation.jti(), revocation.expiresAt()))
                .count();
    }

    @Override
    public void destroy() {
        Disposable attempt = running.getAndSet(null);
        if (attempt != null) {
            attempt.dispose();
        }
    }

    /** One entry of auth-service's answer: {@code {"jti": "...", "expires_at": "<ISO-8601 UTC>"}}. */
    record ActiveRevocation(@JsonProperty("jti") String jti, @JsonProperty("expires_at") Instant expiresAt) {
    }
}
