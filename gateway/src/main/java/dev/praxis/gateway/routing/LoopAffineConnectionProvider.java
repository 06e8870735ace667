package dev.praxis.gateway.routing;

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One connection pool per event loop: a request proxied from event loop L takes a connection from L's pool, and a new
 * connection for that pool is opened on L (Reactor Netty places a new connection on the calling event loop). The call
 * to the service and its answer then stay on the thread that read the request, instead of being handed to whichever
 * event loop an idle pooled connection happened to live on and back again: two cross-thread hand-offs and wake-ups
 * per request on three requests out of four with four event loops. Callers off the event loops (a retry after its
 * back-off) share one more pool.
 */
final class LoopAffineConnectionProvider implements ConnectionProvider {

    private final EventExecutor[] loops;
    private final ConnectionProvider[] pools;
    private final ConnectionProvider offLoopPool;
    private final List<ConnectionProvider> allPools;

    LoopAffineConnectionProvider(EventLoopGroup group, Supplier<ConnectionProvider> newPool) {
        List<EventExecutor> executors = new ArrayList<>();
        group.forEach(executors::add);
        this.loops = executors.toArray(EventExecutor[]::new);
        this.pools = new ConnectionProvider[loops.length];
        for (int i = 0; i < pools.length; i++) {
            pools[i] = newPool.get();
        }
        this.offLoopPool = newPool.get();
        this.allPools = new ArrayList<>(List.of(pools));
        allPools.add(offLoopPool);
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
        return Mono.defer(() -> poolOfCallingThread().acquire(config, observer, remoteAddress, resolverGroup));
    }

    ConnectionProvider poolOfCallingThread() {
        for (int i = 0; i < loops.length; i++) {
            if (loops[i].inEventLoop()) {
                return pools[i];
            }
        }
        return offLoopPool;
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        allPools.forEach(pool -> pool.disposeWhen(address));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Mono.when(allPools.stream().map(ConnectionProvider::disposeLater).toList());
    }

    @Override
    public boolean isDisposed() {
        return allPools.stream().allMatch(ConnectionProvider::isDisposed);
    }

    @Override
    public int maxConnections() {
        return offLoopPool.maxConnections();
    }

    @Override
    public String name() {
        return offLoopPool.name();
    }
}
