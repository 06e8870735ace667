package dev.praxis.gateway.routing;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's upstream pool per event loop, against a real Reactor Netty server and client on shared event loops as
 * in the gateway: a call made on an event loop travels on a connection of that loop, and a later call from the same
 * loop reuses it.
 */
class LoopAffineConnectionProviderTest {

    LoopResources loopResources;
    EventLoopGroup loops;
    DisposableServer service;
    LoopAffineConnectionProvider provider;
    HttpClient client;

    @BeforeEach
    void start() {
        loopResources = LoopResources.create("affinity-test", 3, true);
        loops = loopResources.onServer(LoopResources.DEFAULT_NATIVE);
        service = HttpServer.create().host("127.0.0.1").port(0).runOn(loopResources)
                .handle((request, response) -> response.sendString(Mono.just("ok")))
                .bindNow();
        provider = new LoopAffineConnectionProvider(loops,
                () -> ConnectionProvider.builder("affinity-test").maxConnections(10).build());
        client = HttpClient.create(provider).runOn(loopResources).baseUrl("http://127.0.0.1:" + service.port());
    }

    @AfterEach
    void stop() {
        provider.disposeLater().block(Duration.ofSeconds(5));
        service.disposeNow();
        loopResources.disposeLater().block(Duration.ofSeconds(5));
    }

    @Test
    void aCallFromAnEventLoopUsesAConnectionOfThatLoopAndReusesIt() {
        for (EventExecutor loop : loops) {
            List<Channel> channels = new ArrayList<>();
            for (int call = 0; call < 5; call++) {
                channels.add(callFrom(loop));
            }

            assertThat(channels).allSatisfy(channel -> assertThat(channel.eventLoop()).isSameAs(loop));
            assertThat(channels.stream().distinct().count()).isLessThan(channels.size());
        }
    }

    @Test
    void eachEventLoopHasItsOwnConnections() {
        List<Channel> channels = new ArrayList<>();
        for (EventExecutor loop : loops) {
            channels.add(callFrom(loop));
        }

        assertThat(channels).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void aCallFromOffTheEventLoopsIsServedToo() {
        String body = client.get().uri("/").responseSingle((response, content) -> content.asString())
                .block(Duration.ofSeconds(5));

        assertThat(body).isEqualTo("ok");
        assertThat(provider.poolOfCallingThread()).isNotSameAs(poolOf(loops.next()));
    }

    @Test
    void disposingDisposesEveryPool() {
        List<ConnectionProvider> pools = new ArrayList<>();
        for (EventExecutor loop : loops) {
            callFrom(loop);
            pools.add(poolOf(loop));
        }

        provider.disposeLater().block(Duration.ofSeconds(5));

        assertThat(pools).allMatch(ConnectionProvider::isDisposed);
        assertThat(provider.isDisposed()).isTrue();
    }

    /** Makes a call on the given event loop; answers the channel it travelled on. */
    private Channel callFrom(EventExecutor loop) {
        CompletableFuture<Channel> channel = new CompletableFuture<>();
        loop.execute(() -> client.get().uri("/")
                .responseConnection((response, connection) -> connection.inbound().receive().then(
                        Mono.just(connection.channel())))
                .single()
                .subscribe(channel::complete, channel::completeExceptionally));
        return channel.orTimeout(5, TimeUnit.SECONDS).join();
    }

    private ConnectionProvider poolOf(EventExecutor loop) {
        CompletableFuture<ConnectionProvider> pool = new CompletableFuture<>();
        loop.execute(() -> pool.complete(provider.poolOfCallingThread()));
        return pool.join();
    }
}
