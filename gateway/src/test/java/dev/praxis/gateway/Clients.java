package dev.praxis.gateway;

import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.web.PraxisHeaders;
import dev.praxis.test.TestJwts;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP clients for the gateway under test. Each comes from its own client address (the tests' peer, 127.0.0.1, is a
 * trusted proxy and sends {@code X-Forwarded-For}), so rate limits of one test never touch another.
 */
public final class Clients {

    private Clients() {
    }

    /** A client with an address of its own. */
    public static WebTestClient fromNewAddress(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .defaultHeader(PraxisHeaders.FORWARDED_FOR, newAddress())
                .build();
    }

    /** A client connecting from 127.0.0.2, which is not a trusted proxy. */
    public static WebTestClient fromUntrustedPeer(int port) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    /** A random address in 198.18.0.0/15 (reserved for benchmarks), practically never the same twice in a run. */
    public static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** A valid token of a new user in a new tenant. */
    public static String newUserToken() {
        return TestJwts.token(UUID.randomUUID(), UUID.randomUUID(), Role.ADMIN);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
