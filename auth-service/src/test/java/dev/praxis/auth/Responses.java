package dev.praxis.auth;

import dev.praxis.test.HttpTestClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

public final class Responses {

    private Responses() {
    }

    /** The status, and the Praxis error body: {@code detail} and the request id. */
    public static Response assertError(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().has("detail")).as(response.body()).isTrue();
        assertThat(response.json().get("request_id").asString()).isEqualTo(response.header("X-Request-ID"));
        return response;
    }

    /** A 422 whose first error is located at {@code loc} (e.g. {@code ["body","email"]}). */
    public static Response assertInvalid(Response response, String loc) {
        assertError(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).as(response.body()).isEqualTo(loc);
        return response;
    }
}
