package dev.praxis.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP against a running service or the gateway: what a real client sends, nothing mocked in between.
 * <pre>{@code
 * var response = http.as(user).post("/api/v1/clients", Map.of("first_name", "Ada"));
 * assertThat(response.status()).isEqualTo(201);
 * assertThat(response.json().get("id").asString()).isNotBlank();
 * }</pre>
 */
public final class HttpTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;

    private HttpTestClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public static HttpTestClient at(String baseUrl) {
        return new HttpTestClient(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl, Map.of());
    }

    public static HttpTestClient onPort(int port) {
        return at("http://127.0.0.1:" + port);
    }

    public HttpTestClient header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpTestClient(baseUrl, copy);
    }

    public HttpTestClient as(TestUser user) {
        return bearer(user.token());
    }

    public HttpTestClient bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Response get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Response delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    public Response post(String path, Object body) {
        return sendJson("POST", path, body);
    }

    public Response put(String path, Object body) {
        return sendJson("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return sendJson("PATCH", path, body);
    }

    /** Sends a raw body with the given content type (malformed JSON, wrong media types, large payloads). */
    public Response send(String method, String path, String contentType, byte[] body) {
        return send(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
    }

    private Response sendJson(String method, String path, Object body) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(method, path, HttpRequest.BodyPublishers.ofString(json), "application/json");
    }

    private Response send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30)).method(method, body);
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, headers and body of one exchange. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code detail} of an error body. */
        public JsonNode detail() {
            return json().get("detail");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
