package dev.praxis.gateway.ratelimit;

import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.gateway.edge.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The answer over a limit: 429 with {@code Retry-After} (whole seconds, rounded up, at least 1) and the error body. */
final class TooManyRequests {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TooManyRequests() {
    }

    static Mono<Void> answer(ErrorResponses errors, ServerWebExchange exchange, long nanosToWait) {
        long seconds = Math.max(1, (nanosToWait + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        exchange.getResponse().getHeaders().set(PraxisHeaders.RETRY_AFTER, Long.toString(seconds));
        return errors.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests");
    }
}
