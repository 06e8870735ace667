package dev.praxis.auth;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;

/** Reads a token's header and claims as a client would (no verification: that is the service's job). */
public final class TokenParts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenParts() {
    }

    public static JsonNode header(String token) {
        return part(token, 0);
    }

    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    private static JsonNode part(String token, int index) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }
}
