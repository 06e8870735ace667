package dev.praxis.bench;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The floor of the gateway's figures, as the bare SQL is the floor of the service's: the least a JVM proxy hop does.
 * Reactor Netty's server hands each request to Reactor Netty's client (the gateway's own HTTP stack), method, path,
 * headers and body as they came, and relays the answer. No routing, security, filters, load balancing or
 * observations: what the gateway adds above this is what Spring Cloud Gateway and the gateway's own rules cost.
 * <p>
 * Started by {@code infra/bench/run.sh} beside the local stack; never part of Praxis.
 * Usage: {@code ProxyFloor <port> <upstream base URL>}.
 */
public final class ProxyFloor {

    /** Hop-by-hop headers (RFC 9110, section 7.6.1) and Host, which the client sets for the upstream. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "host");

    private ProxyFloor() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ProxyFloor <port> <upstream base URL>");
            System.exit(2);
        }
        DisposableServer server = start(Integer.parseInt(args[0]), args[1]);
        System.out.println("proxy floor on port " + server.port() + " -> " + args[1]);
        server.onDispose().block();
    }

    static DisposableServer start(int port, String upstream) {
        HttpClient client = HttpClient.create(ConnectionProvider.builder("proxy-floor").maxConnections(500)
                        .maxIdleTime(Duration.ofSeconds(5)).build())
                .baseUrl(upstream)
                .responseTimeout(Duration.ofSeconds(10));
        return HttpServer.create().port(port)
                .handle((request, response) -> client
                        .headers(headers -> copy(request.requestHeaders(), headers))
                        .request(request.method())
                        .uri(request.uri())
                        .send((upstreamRequest, out) -> out.send(request.receive().retain()))
                        .response((upstreamResponse, body) -> {
                            response.status(upstreamResponse.status());
                            copy(upstreamResponse.responseHeaders(), response.responseHeaders());
                            return response.send(body.retain()).then();
                        })
                        .then()
                        .onErrorResume(failure -> response.hasSentHeaders() ? Mono.error(failure)
                                : response.status(HttpResponseStatus.BAD_GATEWAY).send()))
                .bindNow();
    }

    private static void copy(HttpHeaders from, HttpHeaders to) {
        from.forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }
}
