package dev.praxis.gateway.edge;

import dev.praxis.gateway.GatewayTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Netty cannot decode get the Praxis error shape, a request id and the security headers, like every other
 * answer of the gateway; the connection is closed after the answer.
 */
@GatewayTest
class MalformedRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void answersAnOverlongUriWith414InTheErrorShape() throws IOException {
        Answer answer = send("GET /api/v1/clients?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        answer.assertError(414, "Request URI too long");
    }

    @Test
    void answersOversizedHeadersWith431InTheErrorShape() throws IOException {
        Answer answer = send("GET /api/v1/clients HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "b".repeat(20_000)
                + "\r\n\r\n");

        answer.assertError(431, "Request headers too large");
    }

    @Test
    void answersARequestLineThatIsNotHttpWith400InTheErrorShape() throws IOException {
        Answer answer = send("GET /api/v1/clients HTTX/1.1\r\nHost: localhost\r\n\r\n");

        answer.assertError(400, "Bad request");
    }

    @Test
    void answersInOrderBehindAPipelinedRequest() throws IOException {
        // The first is proxied (auth-service's JWK set, public), so its answer is still on its way when the second,
        // malformed request is read.
        Answer first = send("GET /.well-known/jwks.json HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /api/v1/clients HTTX/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(first.status).as("the first request's answer comes first").isEqualTo(200);
        assertThat(first.body).contains("\"keys\"");
    }

    @Test
    void countsWhatItRefuses() throws IOException {
        double before = refused("400");

        send("GET /api/v1/clients HTTX/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(refused("400")).isEqualTo(before + 1);
    }

    private double refused(String status) {
        Counter counter = meters.find(MalformedRequests.METER).tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void leavesWellFormedRequestsAlone() throws IOException {
        Answer answer = send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body).contains("ok");
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return Answer.read(socket.getInputStream());
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        /** Reads until the gateway closes the connection: a request it cannot decode is the last on it. */
        static Answer read(InputStream in) throws IOException {
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }

        void assertError(int expectedStatus, String detail) {
            assertThat(status).isEqualTo(expectedStatus);
            assertThat(headers).containsEntry("content-type", "application/json")
                    .containsEntry("connection", "close")
                    .containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
            JsonNode json = JsonMapper.shared().readTree(body);
            assertThat(json.get("detail").asString()).isEqualTo(detail);
            assertThat(json.get("request_id").asString()).isNotBlank().isEqualTo(headers.get("x-request-id"));
        }
    }
}
