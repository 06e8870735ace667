package dev.praxis.gateway.routing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import dev.praxis.gateway.Upstreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body size limits (64 KB by default and 256 KB for sample images in the test profile), response timeouts (3 s by
 * default in the test profile, longer for sample images), and retries of GETs only.
 */
@GatewayTest
class LimitsAndRetriesTest {

    private static final int KB = 1024;

    @LocalServerPort
    int port;

    WebTestClient gateway;
    String token;

    @BeforeEach
    void client() {
        gateway = Clients.fromNewAddress(port);
        token = Clients.newUserToken();
    }

    @Test
    void acceptsABodyUpToTheLimit() {
        upload("/api/v1/clients", new byte[64 * KB]).expectStatus().isOk();
    }

    @Test
    void refusesADeclaredBodyOverTheLimitWithoutCallingTheService() {
        String path = "/api/v1/clients/" + UUID.randomUUID();
        upload(path, new byte[64 * KB + 1])
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("Request body too large")
                .jsonPath("$.request_id").isNotEmpty();

        assertThat(Upstreams.of("scheduling-service").findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
    }

    @Test
    void cutsOffAStreamedBodyOnceItPassesTheLimit() {
        Flux<DataBuffer> chunks = Flux.range(0, 10).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[16 * KB]));

        gateway.post().uri("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("Request body too large");
    }

    @Test
    void acceptsLargerSampleImages() {
        upload("/api/v1/laboratory/samples/" + UUID.randomUUID() + "/images", new byte[200 * KB]).expectStatus().isOk();
        upload("/api/v1/laboratory/samples/" + UUID.randomUUID() + "/images", new byte[256 * KB + 1])
                .expectStatus().isEqualTo(413);
        upload("/api/v1/laboratory/orders/", new byte[200 * KB]).expectStatus().isEqualTo(413);
    }

    /** Nothing holds a body before its size is checked: the answer comes while the client is still sending. */
    @Test
    void answersTooLargeBeforeTheClientHasFinishedSending() throws IOException {
        try (Socket declared = openRequest("Content-Length: " + (10 * 1024 * KB))) {
            declared.getOutputStream().write(new byte[KB]);
            assertThat(statusLine(declared)).startsWith("HTTP/1.1 413");
        }
        try (Socket streamed = openRequest("Transfer-Encoding: chunked")) {
            OutputStream body = streamed.getOutputStream();
            for (int i = 0; i < 5; i++) {
                body.write((Integer.toHexString(16 * KB) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                body.write(new byte[16 * KB]);
                body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.flush();
            assertThat(statusLine(streamed)).as("no last chunk sent").startsWith("HTTP/1.1 413");
        }
    }

    private Socket openRequest(String framing) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        String head = "POST /api/v1/clients HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Clients.bearer(token)
                + "\r\nX-Forwarded-For: " + Clients.newAddress() + "\r\nContent-Type: application/json\r\n"
                + framing + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }

    @Test
    void answersGatewayTimeoutWhenTheServiceIsTooSlow() {
        String path = "/api/v1/appointments/slow-" + UUID.randomUUID();
        WireMockServer scheduling = Upstreams.of("scheduling-service");
        scheduling.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));

        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.detail").isEqualTo("Gateway timeout").jsonPath("$.request_id").isNotEmpty();
        assertThat(scheduling.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    @Test
    void waitsLongerForSampleImageUploads() {
        String sample = UUID.randomUUID().toString();
        Upstreams.of("lab-service").stubFor(post(urlPathMatching("/api/v1/laboratory/samples/" + sample + "/images"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000)));

        upload("/api/v1/laboratory/samples/" + sample + "/images", new byte[KB]).expectStatus().isOk();
    }

    @Test
    void retriesAGetOnceTheServiceIsBackAndNeverRetriesAPost() {
        WireMockServer audit = Upstreams.of("audit-service");
        String path = "/api/v1/audit/" + UUID.randomUUID();
        String scenario = "flaky-" + path;
        audit.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(503)));
        audit.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        audit.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"down\"}")));

        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isOk();
        gateway.post().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(503);

        assertThat(audit.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(2);
        assertThat(audit.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    @Test
    void doesNotRetryAGetTheServiceFailedOnItsOwn() {
        WireMockServer audit = Upstreams.of("audit-service");
        String path = "/api/v1/audit/" + UUID.randomUUID();
        audit.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"x\"}")));

        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token)).exchange()
                .expectStatus().isEqualTo(500);

        assertThat(audit.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(1);
    }

    private WebTestClient.ResponseSpec upload(String path, byte[] body) {
        return gateway.post().uri(path).header(HttpHeaders.AUTHORIZATION, Clients.bearer(token))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body).exchange();
    }
}
