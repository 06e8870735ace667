package dev.praxis.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.praxis.gateway.edge.ClientAddresses;
import dev.praxis.gateway.edge.ErrorResponses;
import dev.praxis.gateway.edge.ManagementPort;
import dev.praxis.gateway.security.SignedInCallers;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Answers 401s per client address ({@code praxis.gateway.rate-limits.auth-failures}): once an address has been
 * answered 401 more often than the limit allows, its requests are answered 429 with {@code Retry-After} until its
 * window is over, before their token is looked at. Not refused: public endpoints (sign-in stays possible; they have
 * limits of their own) and requests carrying a token this replica has verified and seen used in the last 5 minutes
 * ({@link SignedInCallers}), so signed-in users behind the same address (an office's NAT) keep working while someone
 * there sends made-up tokens; a token first presented during the refusal (a new sign-in) waits for its end.
 * <p>
 * The other limits ({@link RateLimitFilter}) run after Spring Security, so a request it refuses never reaches them:
 * without this, a client sending no token or a made-up one could send as many as it liked, and each costs the gateway
 * more than proxying a calendar page does (docs/performance.md, round 11). The count is kept by the rate-limit store
 * (shared by the replicas with {@code redis}) and taken without delaying the answer; the refusal is remembered by each
 * replica, for the rest of the window.
 */
@Component
final class AuthenticationFailureLimit implements WebFilter, Ordered {

    /** Set on an exchange once counted: a cancellation racing the completion must not count the 401 twice. */
    private static final String COUNTED = AuthenticationFailureLimit.class.getName() + ".counted";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);

    private final RateLimitStore store;
    private final ClientAddresses clientAddresses;
    private final ErrorResponses errors;
    private final ManagementPort managementPort;
    private final SignedInCallers signedIn;
    private final Policy policy;
    /** Refused addresses and the {@link System#nanoTime()} until which they are refused. */
    private final Cache<String, Long> refusedUntil;

    AuthenticationFailureLimit(RateLimitStore store, RateLimitProperties limits, RateLimitStoreProperties storage,
                               ClientAddresses clientAddresses, ErrorResponses errors, ManagementPort managementPort,
                               SignedInCallers signedIn) {
        this.store = store;
        this.clientAddresses = clientAddresses;
        this.errors = errors;
        this.managementPort = managementPort;
        this.signedIn = signedIn;
        this.policy = Policy.of("auth-failures", limits.authFailures());
        this.refusedUntil = Caffeine.newBuilder()
                .executor(Runnable::run)
                .expireAfterWrite(limits.authFailures().period())
                .maximumSize(storage.maxBuckets())
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (managementPort.received(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        String address = clientAddresses.of(exchange);
        Long until = refusedUntil.getIfPresent(address);
        if (until != null) {
            long remaining = until - System.nanoTime();
            if (remaining <= 0) {
                refusedUntil.asMap().remove(address, until);
            } else if (!signedIn.isPublicOrKnown(exchange.getRequest())) {
                return TooManyRequests.answer(errors, exchange, remaining);
            }
        }
        // Counted however the exchange ends (a client that hangs up on its 401 still cost the gateway the work), and,
        // with the in-memory store, before the answer is complete: the client's next request already sees the count.
        return chain.filter(exchange)
                .doOnTerminate(() -> countIfRefused(exchange, address))
                .doOnCancel(() -> countIfRefused(exchange, address));
    }

    private void countIfRefused(ServerWebExchange exchange, String address) {
        if (!HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())
                || exchange.getAttributes().putIfAbsent(COUNTED, Boolean.TRUE) != null) {
            return;
        }
        store.tryConsume(policy, address).timeout(STORE_TIMEOUT).subscribe(probe -> {
            if (!probe.isConsumed()) {
                refusedUntil.put(address, System.nanoTime() + probe.getNanosToWaitForRefill());
            }
        }, storeFailure -> {
            // Not counted: the Redis store logs its own failures and lets requests through meanwhile; a store that
            // does not answer is given up on rather than left holding one pending call per 401.
        });
    }

    /** Before Spring Security (-100), after the edge's own filters (CORS at -150), so a refusal has their headers. */
    @Override
    public int getOrder() {
        return -120;
    }
}
