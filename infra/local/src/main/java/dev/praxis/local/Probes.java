package dev.praxis.local;

import dev.praxis.embedded.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Readiness checks that talk to each part the way its clients will: HTTP, the Kafka protocol, an SMTP greeting. */
final class Probes {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Probes() {
    }

    static boolean answers200(URI uri) {
        return get(uri).statusCode() == 200;
    }

    /** A Spring Boot health endpoint that answers 200 with status UP. */
    static boolean healthUp(URI uri) {
        Response response = get(uri);
        return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
    }

    static boolean kafkaReady(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            return !admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception notYet) {
            if (notYet instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** An SMTP server greets a new connection with {@code 220}. */
    static boolean smtpGreets(int port) {
        if (!Ports.isListening(port)) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            boolean greeted = String.valueOf(in.readLine()).startsWith("220");
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return greeted;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Response get(URI uri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException notYet) {
            return Response.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.NONE;
        }
    }

    private record Response(int statusCode, String body) {
        static final Response NONE = new Response(-1, "");
    }
}
