package dev.praxis.gateway.edge;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * A client that stops sending in the middle of a request body loses its connection after
 * {@code praxis.gateway.client-read-timeout}, rather than holding it (and its upstream call) for ever. A connection
 * with no request under way, or with only part of one's headers, is closed after {@code server.netty.idle-timeout}.
 */
@Component
class SlowClients implements NettyServerCustomizer {

    private final EdgeProperties properties;

    SlowClients(EdgeProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.readTimeout(properties.clientReadTimeout());
    }
}
