package dev.praxis.auth;

import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up tenants and users through the public API, exactly as a client bootstraps Praxis: create a tenant, register
 * its first user, log in. Every call makes new tenants and unique emails, so tests never see each other's data.
 */
public final class AuthApi {

    public static final String PASSWORD = "correct horse battery";

    private final HttpTestClient http;

    public AuthApi(int port) {
        this.http = HttpTestClient.onPort(port);
    }

    public HttpTestClient anonymous() {
        return http;
    }

    public HttpTestClient as(Member member) {
        return http.bearer(member.token());
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    public static String uniqueUsername() {
        return "user_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UUID createTenant(String name) {
        Response response = http.post("/api/v1/tenants/", Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return UUID.fromString(response.json().get("id").asString());
    }

    /** A branch of the admin's tenant, with this code. */
    public UUID createBranch(Member admin, String code) {
        Response response = as(admin).post("/api/v1/branches/", Map.of("code", code, "name", "Branch " + code));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return UUID.fromString(response.json().get("id").asString());
    }

    /** A new tenant and its first user (an admin), logged in. */
    public Member bootstrap() {
        return bootstrap(uniqueEmail(), PASSWORD);
    }

    /** A new tenant whose first user has these credentials. */
    public Member bootstrap(String email, String password) {
        String tenantName = "Practice " + UUID.randomUUID().toString().substring(0, 8);
        UUID tenantId = createTenant(tenantName);
        String username = uniqueUsername();
        Response registered = http.post("/api/v1/auth/register", Map.of("email", email, "username", username,
                "password", password, "full_name", "First Admin", "tenant_id", tenantId.toString()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        UUID userId = UUID.fromString(registered.json().get("id").asString());
        return new Member(tenantId, tenantName, userId, email, username, password, Role.ADMIN,
                login(username, password));
    }

    /** Another user of the admin's tenant, registered by the admin, logged in. */
    public Member addUser(Member admin, Role role) {
        return addUser(admin, role, uniqueEmail(), PASSWORD);
    }

    public Member addUser(Member admin, Role role, String email, String password) {
        String username = uniqueUsername();
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "username", username, "password", password,
                "full_name", "Colleague", "role", role.value(), "tenant_id", admin.tenantId().toString()));
        Response registered = as(admin).post("/api/v1/auth/register", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        UUID userId = UUID.fromString(registered.json().get("id").asString());
        return new Member(admin.tenantId(), admin.tenantName(), userId, email, username, password, role,
                login(username, password));
    }

    public Response loginResponse(String usernameOrEmail, String password) {
        return http.post("/api/v1/auth/login", Map.of("username_or_email", usernameOrEmail, "password", password));
    }

    /** Logs in and returns the access token. */
    public String login(String usernameOrEmail, String password) {
        Response response = loginResponse(usernameOrEmail, password);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("access_token").asString();
    }

    /** A fresh token for this member (a second session). */
    public Member relogin(Member member) {
        return member.withToken(login(member.username(), member.password()));
    }
}
