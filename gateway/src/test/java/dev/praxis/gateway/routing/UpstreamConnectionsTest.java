package dev.praxis.gateway.routing;

import dev.praxis.gateway.GatewayTest;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP client Spring Cloud Gateway proxies with keeps one pool per event loop of the gateway's own server, so
 * a request's call to its service stays on the event loop that read the request.
 */
@GatewayTest
class UpstreamConnectionsTest {

    @Autowired
    HttpClient upstreamClient;

    @Autowired
    ReactorResourceFactory resources;

    @Test
    void theProxyingClientHasAPoolPerEventLoopOfTheServer() {
        ConnectionProvider provider = upstreamClient.configuration().connectionProvider();
        assertThat(provider).isInstanceOf(LoopAffineConnectionProvider.class);
        LoopAffineConnectionProvider pools = (LoopAffineConnectionProvider) provider;

        List<ConnectionProvider> poolPerServerLoop = new ArrayList<>();
        for (EventExecutor loop : resources.getLoopResources().onServer(LoopResources.DEFAULT_NATIVE)) {
            CompletableFuture<ConnectionProvider> pool = new CompletableFuture<>();
            loop.execute(() -> pool.complete(pools.poolOfCallingThread()));
            poolPerServerLoop.add(pool.orTimeout(5, TimeUnit.SECONDS).join());
        }

        assertThat(new HashSet<>(poolPerServerLoop)).hasSize(poolPerServerLoop.size())
                .doesNotContain(pools.poolOfCallingThread());
    }
}
