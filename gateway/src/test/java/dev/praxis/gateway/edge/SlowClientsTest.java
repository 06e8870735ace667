package dev.praxis.gateway.edge;

import dev.praxis.gateway.Clients;
import dev.praxis.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Slow clients do not keep connections: idle timeout 10 s and client read timeout 3 s in the test profile. */
@GatewayTest
class SlowClientsTest {

    @LocalServerPort
    int port;

    @Test
    void closesAConnectionThatSentOnlyPartOfItsHeaders() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n");

            assertThat(readUntilClosed(socket)).isEmpty();
        }
    }

    @Test
    void closesAConnectionThatStoppedInTheMiddleOfItsBody() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "PUT /api/v1/auth/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Clients.bearer(
                    Clients.newUserToken()) + "\r\nX-Forwarded-For: " + Clients.newAddress()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"full_name\":");

            String answer = readUntilClosed(socket);
            assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 408")).as(answer).isTrue();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        // Past both timeouts with room to spare: a read that times out here means the gateway kept the connection.
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** What the gateway sent before it closed the connection; fails the test if it did not close it. */
    private static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException kept) {
            throw new AssertionError("the gateway kept the connection open", kept);
        }
    }
}
