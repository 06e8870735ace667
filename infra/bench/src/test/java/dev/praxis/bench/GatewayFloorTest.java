package dev.praxis.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayFloorTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private DisposableServer upstream;
    private ConfigurableApplicationContext floor;

    @AfterEach
    void stop() {
        if (floor != null) {
            floor.close();
        }
        if (upstream != null) {
            upstream.disposeNow();
        }
    }

    @Test
    void routesEveryPathToTheServiceAndTheAnswerBack() throws Exception {
        upstream = HttpServer.create().port(0).handle((request, response) -> response
                .status(201)
                .header("X-Seen", request.method() + " " + request.uri() + " "
                        + request.requestHeaders().get("Authorization"))
                .sendString(request.receive().aggregate().asString().defaultIfEmpty("").map(body -> "echo:" + body)))
                .bindNow();
        floor = GatewayFloor.start(0, "http://localhost:" + upstream.port());
        int port = ((WebServerApplicationContext) floor).getWebServer().getPort();

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/appointments?page=2"))
                .header("Authorization", "Bearer abc")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("X-Seen")).hasValue("POST /api/v1/appointments?page=2 Bearer abc");
        assertThat(answer.body()).isEqualTo("echo:{\"a\":1}");
    }
}
