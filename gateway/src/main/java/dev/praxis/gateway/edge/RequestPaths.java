package dev.praxis.gateway.edge;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * The request's path as the routes and the services see it: percent-decoded. Every decision the gateway takes on a
 * path (public or not, hidden or not, which rate limit) takes it on this one, so that {@code /api/v1/auth/logi%6E} is
 * the login endpoint here too, as it is for the route that forwards it and for the service that answers it. (Encoded
 * slashes, backslashes, dots and percent signs are refused with 400 by Spring Security's strict firewall.)
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String decoded(ServerHttpRequest request) {
        String raw = request.getPath().pathWithinApplication().value();
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return UriUtils.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
