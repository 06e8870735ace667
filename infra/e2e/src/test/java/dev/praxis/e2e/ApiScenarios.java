package dev.praxis.e2e;

import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps a real client takes, through the gateway only, shared by the end-to-end scenarios. */
final class ApiScenarios {

    static final String PASSWORD = "correct horse battery staple";

    private ApiScenarios() {
    }

    /** A new practice: its tenant, its first user (who becomes admin) and that user's access token. */
    record Practice(String tenantId, String email, String userId, String token) {
    }

    static Practice signUp(HttpTestClient gateway, String practiceName) {
        Response tenant = gateway.post("/api/v1/tenants/", Map.of("name", practiceName,
                "legal_name", practiceName + " LLC", "tax_id", "TX-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(tenant.status()).as(tenant.toString()).isEqualTo(200);
        String tenantId = tenant.json().get("id").asString();

        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Response registered = gateway.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD,
                "full_name", "Dana Owner", "tenant_id", tenantId));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("role").asString()).isEqualTo("admin");

        return new Practice(tenantId, email, registered.json().get("id").asString(), login(gateway, email));
    }

    static String login(HttpTestClient gateway, String usernameOrEmail) {
        Response login = gateway.post("/api/v1/auth/login", Map.of("username_or_email", usernameOrEmail,
                "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("token_type").asString()).isEqualTo("bearer");
        return login.json().get("access_token").asString();
    }

    static String create(HttpTestClient client, String path, Map<String, Object> body) {
        Response created = client.post(path, body);
        assertThat(created.status()).as("POST %s: %s", path, created).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
