package dev.praxis.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Request body size limit per route (metadata {@code max-body-size}, else {@code praxis.gateway.max-body-size}) → 413.
 * A declared {@code Content-Length} over the limit is refused before the service is called; a chunked body is counted
 * while it streams through and cut off, also with 413, the moment it passes the limit. Bodies are never buffered.
 */
@Component
final class BodySizeLimitFilter implements GlobalFilter, Ordered {

    private final RouteSettings settings;

    BodySizeLimitFilter(RouteSettings settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = settings.of(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR)).maxBodySize();
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(tooLarge());
        }
        if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
        }
        return chain.filter(exchange);
    }

    private static ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    /** Before load balancing and the call to the service. */
    @Override
    public int getOrder() {
        return -1;
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong received = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (received.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge());
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
