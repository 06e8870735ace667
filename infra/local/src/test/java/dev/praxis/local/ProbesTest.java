package dev.praxis.local;

import com.sun.net.httpserver.HttpServer;
import dev.praxis.embedded.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTest {

    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        respond("/up", 200, "{\"groups\":[\"liveness\"],\"status\":\"UP\"}");
        respond("/down", 200, "{\"status\":\"DOWN\"}");
        respond("/unavailable", 503, "{\"status\":\"UP\"}");
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void healthIsUpOnlyFor200WithStatusUp() {
        assertThat(Probes.healthUp(uri("/up"))).isTrue();
        assertThat(Probes.healthUp(uri("/down"))).isFalse();
        assertThat(Probes.healthUp(uri("/unavailable"))).isFalse();
    }

    @Test
    void answers200IsAboutTheStatusCodeOnly() {
        assertThat(Probes.answers200(uri("/down"))).isTrue();
        assertThat(Probes.answers200(uri("/unavailable"))).isFalse();
    }

    @Test
    void nothingListeningIsNotReady() {
        int closed = Ports.free();

        assertThat(Probes.answers200(URI.create("http://localhost:" + closed + "/health"))).isFalse();
        assertThat(Probes.smtpGreets(closed)).isFalse();
        assertThat(Probes.kafkaReady("127.0.0.1:" + closed)).isFalse();
    }

    @Test
    void aServerThatDoesNotGreetLikeSmtpIsNotReady() {
        assertThat(Probes.smtpGreets(server.getAddress().getPort())).isFalse();
    }

    private void respond(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getAddress().getPort() + path);
    }
}
