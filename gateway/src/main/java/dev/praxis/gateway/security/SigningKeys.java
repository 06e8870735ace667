package dev.praxis.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * auth-service's signing keys, as ready-to-use verifiers by {@code kid}. Parsed once per JWK set fetch, never per
 * request. An unknown {@code kid} fetches the set again (key rotation), at most once per refresh floor, and concurrent
 * misses share one fetch: a stream of made-up {@code kid}s cannot turn the gateway against auth-service.
 */
@Component
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient http;
    private final String jwkSetUri;
    private final long refreshFloorNanos;
    private final long maxAgeNanos;

    private volatile Map<String, JWSVerifier> verifiers = Map.of();
    private volatile long fetchedAt;
    private long attemptedAt;
    private Mono<Map<String, JWSVerifier>> inFlight;

    SigningKeys(WebClient.Builder http, TokenProperties properties) {
        this.http = http.build();
        this.jwkSetUri = properties.jwkSetUri().toString();
        this.refreshFloorNanos = properties.jwkSetRefreshFloor().toNanos();
        this.maxAgeNanos = properties.jwkSetMaxAge().toNanos();
        this.attemptedAt = System.nanoTime() - refreshFloorNanos;
        this.fetchedAt = attemptedAt - maxAgeNanos;
    }

    /** The verifier for this key id; empty when auth-service does not publish (or no longer publishes) it. */
    Mono<JWSVerifier> verifierFor(String kid) {
        JWSVerifier known = verifiers.get(kid);
        if (known != null) {
            refreshIfStale();
            return Mono.just(known);
        }
        return refresh().mapNotNull(keys -> keys.get(kid));
    }

    /** Whether auth-service still publishes this key, as of the last fetch (re-read in the background when old). */
    boolean isPublished(String kid) {
        refreshIfStale();
        return verifiers.containsKey(kid);
    }

    private void refreshIfStale() {
        if (System.nanoTime() - fetchedAt > maxAgeNanos) {
            refresh().subscribe();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        refresh().subscribe();
    }

    /** Fetches the JWK set unless a fetch is running (then shares it) or the floor has not passed (then the cache). */
    private synchronized Mono<Map<String, JWSVerifier>> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        long now = System.nanoTime();
        if (now - attemptedAt < refreshFloorNanos) {
            return Mono.just(verifiers);
        }
        attemptedAt = now;
        Mono<Map<String, JWSVerifier>> fetch = http.get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(SigningKeys::parse)
                .doOnNext(keys -> {
                    verifiers = keys;
                    fetchedAt = System.nanoTime();
                    log.debug("JWK set loaded: {}", keys.keySet());
                })
                .onErrorResume(error -> {
                    log.warn("JWK set from {} not loaded: {}", jwkSetUri, error.toString());
                    return Mono.just(verifiers);
                })
                .doFinally(signal -> clearInFlight())
                .cache();
        inFlight = fetch;
        return fetch;
    }

    private synchronized void clearInFlight() {
        inFlight = null;
    }

    /** RS256 signing keys only: other key types, uses and algorithms in the set are ignored. */
    static Map<String, JWSVerifier> parse(String json) {
        try {
            Map<String, JWSVerifier> keys = new HashMap<>();
            for (JWK jwk : JWKSet.parse(json).getKeys()) {
                boolean signing = jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse());
                boolean rs256 = jwk.getAlgorithm() == null || JWSAlgorithm.RS256.equals(jwk.getAlgorithm());
                if (jwk instanceof RSAKey rsa && signing && rs256 && jwk.getKeyID() != null) {
                    keys.put(jwk.getKeyID(), new RSASSAVerifier(rsa));
                }
            }
            return Map.copyOf(keys);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("unreadable JWK set", e);
        }
    }
}
