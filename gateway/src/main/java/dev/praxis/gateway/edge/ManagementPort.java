package dev.praxis.gateway.edge;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;

/**
 * The actuator's own port, when {@code management.server.port} (MANAGEMENT_SERVER_PORT) gives it one: a private port
 * for probes and Prometheus, never exposed by the load balancer. Spring Boot applies the gateway's web filters to it as
 * well; the edge's path hiding, the token check and the rate limits ask here and stand aside for it.
 */
@Component
public final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** Whether the request came in on the separate management port (never true without one). */
    public boolean received(ServerHttpRequest request) {
        int managementPort = port;
        InetSocketAddress local = managementPort < 0 ? null : request.getLocalAddress();
        return local != null && local.getPort() == managementPort;
    }
}
