package dev.praxis.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyFloorTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<DisposableServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(DisposableServer::disposeNow);
    }

    @Test
    void passesTheRequestThroughAndTheAnswerBack() throws Exception {
        DisposableServer upstream = serve(HttpServer.create().port(0).handle((request, response) -> response
                .status(201)
                .header("X-Seen", request.method() + " " + request.uri() + " "
                        + request.requestHeaders().get("Authorization"))
                .sendString(request.receive().aggregate().asString().defaultIfEmpty("").map(body -> "echo:" + body))));
        DisposableServer proxy = serve(ProxyFloor.start(0, "http://localhost:" + upstream.port()));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + proxy.port() + "/api/v1/appointments?page=2"))
                .header("Authorization", "Bearer abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("X-Seen")).hasValue("POST /api/v1/appointments?page=2 Bearer abc");
        assertThat(answer.body()).isEqualTo("echo:{\"a\":1}");
    }

    @Test
    void answers502WhenTheServiceCannotBeReached() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        DisposableServer proxy = serve(ProxyFloor.start(0, "http://localhost:" + closedPort));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + proxy.port() + "/x"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(502);
    }

    private DisposableServer serve(HttpServer server) {
        return serve(server.bindNow());
    }

    private DisposableServer serve(DisposableServer server) {
        servers.add(server);
        return server;
    }
}
