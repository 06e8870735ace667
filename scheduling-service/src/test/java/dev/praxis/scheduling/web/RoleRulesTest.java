package dev.praxis.scheduling.web;

import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestJwts;
import dev.praxis.test.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role: 401 without a valid token, 403 for a role outside the rule, anything else
 * (404 for the random ids used here, 201, 409...) for a role inside it. Bodies are valid, so 403 is not hidden by 422.
 */
@PraxisServiceTest
class RoleRulesTest {

    static final Set<Role> READ = EnumSet.of(Role.ADMIN, Role.PRACTITIONER, Role.ASSISTANT, Role.VIEWER);
    static final Set<Role> WRITE = EnumSet.of(Role.ADMIN, Role.PRACTITIONER, Role.ASSISTANT);
    static final Set<Role> MANAGE_CATALOG = EnumSet.of(Role.ADMIN, Role.PRACTITIONER);
    static final UUID TENANT = UUID.randomUUID();

    record Endpoint(String method, String path, Object body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}").replaceAll("\\?.*", "");
        }
    }

    static List<Endpoint> endpoints() {
        String id = UUID.randomUUID().toString();
        Map<String, Object> appointment = Map.of("client_id", id, "scheduled_start", "2025-10-01T10:00:00Z",
                "scheduled_end", "2025-10-01T11:00:00Z", "location_type", "online");
        return List.of(
                new Endpoint("POST", "/api/v1/clients", Map.of("first_name", "A", "last_name", "B"), WRITE),
                new Endpoint("GET", "/api/v1/clients", null, READ),
                new Endpoint("GET", "/api/v1/clients/" + id, null, READ),
                new Endpoint("PUT", "/api/v1/clients/" + id, Map.of("first_name", "A"), WRITE),
                new Endpoint("DELETE", "/api/v1/clients/" + id, null, WRITE),
                new Endpoint("POST", "/api/v1/appointments", appointment, WRITE),
                new Endpoint("GET", "/api/v1/appointments", null, READ),
                new Endpoint("GET", "/api/v1/appointments/conflicts?scheduled_start=2025-10-01T10:00:00Z"
                        + "&scheduled_end=2025-10-01T11:00:00Z", null, READ),
                new Endpoint("GET", "/api/v1/appointments/" + id, null, READ),
                new Endpoint("PUT", "/api/v1/appointments/" + id, Map.of("notes", "x"), WRITE),
                new Endpoint("DELETE", "/api/v1/appointments/" + id, null, WRITE),
                new Endpoint("POST", "/api/v1/services", Map.of("name", "Massage", "default_duration_minutes", 60),
                        MANAGE_CATALOG),
                new Endpoint("GET", "/api/v1/services", null, READ),
                new Endpoint("GET", "/api/v1/services/" + id, null, READ),
                new Endpoint("PUT", "/api/v1/services/" + id, Map.of("name", "Yoga"), MANAGE_CATALOG),
                new Endpoint("DELETE", "/api/v1/services/" + id, null, MANAGE_CATALOG),
                new Endpoint("POST", "/api/v1/locations", Map.of("name", "Zoom", "location_type", "online"),
                        MANAGE_CATALOG),
                new Endpoint("GET", "/api/v1/locations", null, READ),
                new Endpoint("GET", "/api/v1/locations/" + id, null, READ),
                new Endpoint("PUT", "/api/v1/locations/" + id, Map.of("name", "Meet"), MANAGE_CATALOG),
                new Endpoint("DELETE", "/api/v1/locations/" + id, null, MANAGE_CATALOG));
    }

    static Stream<Arguments> everyEndpointAndRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    static Stream<Endpoint> everyEndpoint() {
        return endpoints().stream();
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointAndRole")
    void rolesOutsideTheRuleAre403(Endpoint endpoint, Role role) {
        Response response = call(HttpTestClient.onPort(port).as(TestUser.in(TENANT, role)), endpoint);

        if (endpoint.allowed().contains(role)) {
            assertThat(response.status()).as(response.toString()).isNotIn(401, 403, 422).isLessThan(500);
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.detail().asString()).isEqualTo("Not allowed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEndpoint")
    void missingOrInvalidTokensAre401(Endpoint endpoint) {
        UUID user = UUID.randomUUID();

        assertThat(call(HttpTestClient.onPort(port), endpoint).status()).isEqualTo(401);
        assertThat(call(HttpTestClient.onPort(port).bearer(TestJwts.expired(user, TENANT, Role.ADMIN)), endpoint).status())
                .isEqualTo(401);
        assertThat(call(HttpTestClient.onPort(port).bearer(TestJwts.signedWithForeignKey(user, TENANT, Role.ADMIN)),
                endpoint).status()).isEqualTo(401);
    }

    private static Response call(HttpTestClient http, Endpoint endpoint) {
        return switch (endpoint.method()) {
            case "GET" -> http.get(endpoint.path());
            case "POST" -> http.post(endpoint.path(), endpoint.body());
            case "PUT" -> http.put(endpoint.path(), endpoint.body());
            case "DELETE" -> http.delete(endpoint.path());
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }
}
