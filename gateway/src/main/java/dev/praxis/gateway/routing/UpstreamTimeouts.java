package dev.praxis.gateway.routing;

import io.netty.channel.ChannelOption;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the gateway waits for a service: to connect ({@code praxis.gateway.connect-timeout}), and for the answer
 * ({@code praxis.gateway.response-timeout}, or the route's metadata {@code upstream-response-timeout}), which the error
 * handler turns into 504.
 * <p>
 * Both are set once on the gateway's HTTP client, and the response timeout is Reactor Netty's: a read timeout on the
 * connection's own event loop, armed once the request is sent, so it also bounds every pause while the answer streams
 * in. Spring Cloud Gateway's own {@code httpclient.response-timeout} and {@code connect-timeout} are deliberately left
 * unset: the first schedules every request's deadline on another thread pool (a hand-off and a wake-up per request,
 * ~5% of the gateway's CPU under infra/bench), the second copies the client's configuration for every request.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamTimeouts {

    private static final Class<Duration> CONTEXT_KEY = Duration.class;

    @Bean
    HttpClientCustomizer upstreamTimeoutCustomizer(RoutingProperties properties) {
        return client -> client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout())
                .doOnRequest((request, connection) -> request.currentContextView().<Duration>getOrEmpty(CONTEXT_KEY)
                        .ifPresent(request::responseTimeout));
    }

    @Bean
    GlobalFilter routeResponseTimeoutFilter(RouteSettings settings) {
        return new RouteResponseTimeoutFilter(settings);
    }

    /** Hands a route's own response timeout to the HTTP client, which reads it from the Reactor context. */
    static final class RouteResponseTimeoutFilter implements GlobalFilter, Ordered {

        private final RouteSettings settings;

        RouteResponseTimeoutFilter(RouteSettings settings) {
            this.settings = settings;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Optional<Duration> timeout = settings.of(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR))
                    .ownResponseTimeout();
            if (timeout.isEmpty()) {
                return chain.filter(exchange);
            }
            return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, timeout.get()));
        }

        @Override
        public int getOrder() {
            return -1;
        }
    }
}
