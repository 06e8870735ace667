package dev.praxis.sample;

import dev.praxis.contracts.security.Role;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response up to praxis.web.response-buffer-size (64 KB) leaves the service in one piece, so the gateway relays one
 * piece rather than one per 8 KB; a larger one still streams. Read off the wire: an HTTP client would hide the framing.
 */
@PraxisServiceTest
class ResponseBufferingTest {

    private static final String LONG_NAME = "x".repeat(45);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebServerApplicationContext context;

    TestUser user;

    @BeforeEach
    void setUp() {
        user = TestUser.inNewTenant(Role.PRACTITIONER);
        insertWidgets(500);
    }

    @Test
    void aBodyReturnedAsItIsGoesOutWithItsLength() throws IOException {
        RawResponse page = get("/widgets?page_size=100");

        assertThat(page.status()).isEqualTo("HTTP/1.1 200 ");
        assertThat(page.body().length).isGreaterThan(8 * 1024);
        assertThat(page.header("content-length")).isEqualTo(String.valueOf(page.body().length));
        assertThat(page.chunks()).isEmpty();
    }

    @Test
    void aBodyInAResponseEntityWhichFlushesGoesOutAsOneChunk() throws IOException {
        RawResponse list = get("/widgets/array?limit=200");

        assertThat(list.status()).isEqualTo("HTTP/1.1 200 ");
        assertThat(list.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(list.chunks()).hasSize(1);
        assertThat(list.chunks().get(0)).isBetween(16 * 1024, 48 * 1024);
    }

    @Test
    void aBodyOverTheLimitStreamsInPiecesOfTheLimit() throws IOException {
        RawResponse list = get("/widgets/array?limit=500");

        assertThat(list.status()).isEqualTo("HTTP/1.1 200 ");
        assertThat(list.body().length).isGreaterThan(64 * 1024);
        assertThat(list.chunks()).hasSizeGreaterThan(1).first().isEqualTo(64 * 1024);
    }

    @Test
    void tomcatWritesTheBufferedResponseToTheSocketInOneWrite() {
        TomcatWebServer tomcat = (TomcatWebServer) context.getWebServer();

        assertThat(tomcat.getTomcat().getConnector().getProperty("socket.appWriteBufSize")).hasToString("65536");
    }

    private RawResponse get(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + user.bearer()
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return RawResponse.read(socket.getInputStream());
        }
    }

    private void insertWidgets(int count) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = IntStream.range(0, count)
                .mapToObj(i -> new Object[]{UUID.randomUUID(), user.tenantId(), LONG_NAME + "%03d".formatted(i), now})
                .toList();
        jdbc.batchUpdate("insert into widget (id, tenant_id, name, created_at) values (?, ?, ?, ?)", rows);
    }

    /** Status line, headers (lower case) and body of a response; {@code chunks} are the sizes of its data chunks. */
    private record RawResponse(String status, List<String> headers, byte[] body, List<Integer> chunks) {

        String header(String name) {
            return headers.stream().filter(line -> line.startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }

        static RawResponse read(InputStream in) throws IOException {
            String status = line(in);
            List<String> headers = new ArrayList<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                headers.add(line.toLowerCase(Locale.ROOT));
            }
            boolean chunked = headers.contains("transfer-encoding: chunked");
            if (!chunked) {
                return new RawResponse(status, headers, in.readAllBytes(), List.of());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            List<Integer> chunks = new ArrayList<>();
            for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
                chunks.add(size);
                body.write(in.readNBytes(size));
                line(in);
            }
            return new RawResponse(status, headers, body.toByteArray(), chunks);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("connection closed mid-line");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
