package dev.praxis.auth.user;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.praxis.auth.AuthApi.PASSWORD;
import static dev.praxis.auth.AuthApi.uniqueEmail;
import static dev.praxis.auth.AuthApi.uniqueUsername;
import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class RegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi(port);
    }

    @Test
    void theFirstUserOfATenantRegistersWithoutATokenAndBecomesItsAdmin() {
        UUID tenantId = api.createTenant("Fresh Practice");
        String email = uniqueEmail();
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response registered = api.anonymous().post("/api/v1/auth/register", Map.of("email", email,
                    "username", "johndoe", "password", PASSWORD, "full_name", "John Doe", "role", "viewer",
                    "tenant_id", tenantId.toString()));

            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            assertThat(registered.json().get("email").asString()).isEqualTo(email);
            assertThat(registered.json().get("username").asString()).isEqualTo("johndoe");
            assertThat(registered.json().get("full_name").asString()).isEqualTo("John Doe");
            assertThat(registered.json().get("role").asString()).isEqualTo("admin");
            assertThat(registered.body()).doesNotContain(PASSWORD);
            String id = registered.json().get("id").asString();

            String hash = jdbc.queryForObject("select password_hash from app_user where id = ?::uuid", String.class,
                    id);
            assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);

            EventEnvelope created = events.awaitEvent(e -> id.equals(e.resourceId()));
            assertThat(created.eventType()).isEqualTo("user.created");
            assertThat(created.tenantId()).isEqualTo(tenantId);
            assertThat(created.metadata()).containsEntry("role", "admin").containsEntry("first_user", true);
            assertThat(events.records()).noneMatch(r -> r.value().contains(email) || r.value().contains(PASSWORD)
                    || r.value().contains("John Doe"));
        }
    }

    @Test
    void usernameIsOptional() {
        UUID tenantId = api.createTenant("No Usernames");
        String email = uniqueEmail();

        Response registered = api.anonymous().post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "tenant_id", tenantId.toString()));

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("username").isNull()).isTrue();
        assertThat(api.login(email, PASSWORD)).isNotBlank();
    }

    @Test
    void onceATenantHasUsersOnlyItsAdminRegistersMore() {
        Member admin = api.bootstrap();
        Member viewer = api.addUser(admin, Role.VIEWER);
        Member otherAdmin = api.bootstrap();
        Map<String, Object> body = registration(admin.tenantId(), "lab_tech");

        assertError(api.anonymous().post("/api/v1/auth/register", body), 401);
        assertError(api.as(viewer).post("/api/v1/auth/register", body), 403);
        Response foreign = assertError(api.as(otherAdmin).post("/api/v1/auth/register", body), 403);
        assertThat(foreign.detail().asString()).isEqualTo("tenant_id does not belong to your tenant");

        Response registered = api.as(admin).post("/api/v1/auth/register", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("role").asString()).isEqualTo("lab_tech");
        String token = api.login((String) body.get("username"), PASSWORD);
        assertThat(api.anonymous().bearer(token).get("/api/v1/auth/me").json().get("role").asString())
                .isEqualTo("lab_tech");
        assertThat(jdbc.queryForObject("select count(*) from app_user where tenant_id = ?", Integer.class,
                admin.tenantId())).isEqualTo(3);
    }

    @Test
    void anAdminMayOmitTheTenantAndTheRole() {
        Member admin = api.bootstrap();

        Response registered = api.as(admin).post("/api/v1/auth/register",
                Map.of("email", uniqueEmail(), "password", PASSWORD));

        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("role").asString()).isEqualTo("viewer");
        assertThat(jdbc.queryForObject("select tenant_id from app_user where id = ?::uuid", UUID.class,
                registered.json().get("id").asString())).isEqualTo(admin.tenantId());
    }

    @Test
    void everyRoleOfTheListCanBeGrantedAndNoOther() {
        Member admin = api.bootstrap();
        for (Role role : Role.values()) {
            Response registered = api.as(admin).post("/api/v1/auth/register",
                    registration(admin.tenantId(), role.value()));
            assertThat(registered.json().get("role").asString()).isEqualTo(role.value());
        }

        Response unknown = assertInvalid(api.as(admin).post("/api/v1/auth/register",
                registration(admin.tenantId(), "superuser")), "[\"body\",\"role\"]");
        assertThat(unknown.body()).doesNotContain("superuser");
    }

    @Test
    void invalidRegistrationsAre422WithoutEchoingThePassword() {
        UUID tenantId = api.createTenant("Validation");
        String tenant = tenantId.toString();

        assertInvalid(register(Map.of("password", PASSWORD, "tenant_id", tenant)), "[\"body\",\"email\"]");
        assertInvalid(register(Map.of("email", "not-an-email", "password", PASSWORD, "tenant_id", tenant)),
                "[\"body\",\"email\"]");
        for (String lookalike : List.of("a@b", uniqueEmail() + "\u200b", "dana\u00a0@example.test",
                "da\u00adna@example.test", uniqueEmail() + "\ufe0f", "dana@\u3164example.test")) {
            assertInvalid(register(Map.of("email", lookalike, "password", PASSWORD, "tenant_id", tenant)),
                    "[\"body\",\"email\"]");
        }
        Response shortPassword = assertInvalid(register(Map.of("email", uniqueEmail(), "password", "s3cret",
                "tenant_id", tenant)), "[\"body\",\"password\"]");
        assertThat(shortPassword.body()).doesNotContain("s3cret");
        assertInvalid(register(Map.of("email", uniqueEmail(), "password", "ü".repeat(40), "tenant_id", tenant)),
                "[\"body\",\"password\"]");
        assertInvalid(register(Map.of("email", uniqueEmail(), "password", "\u200b".repeat(10), "tenant_id", tenant)),
                "[\"body\",\"password\"]");
        assertInvalid(register(Map.of("email", uniqueEmail(), "username", "someone@example.test",
                "password", PASSWORD, "tenant_id", tenant)), "[\"body\",\"username\"]");
        assertInvalid(register(Map.of("email", uniqueEmail(), "password", PASSWORD)), "[\"body\",\"tenant_id\"]");
        assertInvalid(register(Map.of("email", uniqueEmail(), "password", PASSWORD, "tenant_id", "acme")),
                "[\"body\",\"tenant_id\"]");
        assertThat(jdbc.queryForObject("select count(*) from app_user where tenant_id = ?", Integer.class, tenantId))
                .isZero();
    }

    @Test
    void aBranchIdMustBeABranchOfTheTenant() {
        Member admin = api.bootstrap();
        Member other = api.bootstrap();
        UUID ours = api.createBranch(admin, "MAIN");
        UUID theirs = api.createBranch(other, "MAIN");

        Map<String, Object> inOurBranch = registration(admin.tenantId(), "lab_tech");
        inOurBranch.put("branch_id", ours.toString());
        Response registered = api.as(admin).post("/api/v1/auth/register", inOurBranch);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select branch_id from app_user where id = ?::uuid", UUID.class,
                registered.json().get("id").asString())).isEqualTo(ours);

        for (UUID notOurs : new UUID[]{theirs, UUID.randomUUID()}) {
            Map<String, Object> body = registration(admin.tenantId(), "lab_tech");
            body.put("branch_id", notOurs.toString());
            assertError(api.as(admin).post("/api/v1/auth/register", body), 404);
        }
        Map<String, Object> malformed = registration(admin.tenantId(), "lab_tech");
        malformed.put("branch_id", "main");
        assertInvalid(api.as(admin).post("/api/v1/auth/register", malformed), "[\"body\",\"branch_id\"]");
        assertThat(jdbc.queryForObject("select count(*) from app_user where tenant_id = ?", Integer.class,
                admin.tenantId())).isEqualTo(2);
    }

    @Test
    void theFirstUserCannotJoinAnotherTenantsBranch() {
        UUID tenantId = api.createTenant("Branchless");
        Map<String, Object> body = registration(tenantId, null);
        body.put("branch_id", api.createBranch(api.bootstrap(), "MAIN").toString());

        assertError(register(body), 404);

        assertThat(jdbc.queryForObject("select count(*) from app_user where tenant_id = ?", Integer.class, tenantId))
                .isZero();
    }

    @Test
    void anUnknownTenantIsNotFound() {
        assertError(register(registration(UUID.randomUUID(), null)), 404);
    }

    @Test
    void emailAndUsernameAreUniqueWithinATenantWhateverTheirCase() {
        Member admin = api.bootstrap();
        Member other = api.bootstrap();

        Map<String, Object> sameEmail = registration(admin.tenantId(), "viewer");
        sameEmail.put("email", admin.email().toUpperCase(Locale.ROOT));
        assertError(api.as(admin).post("/api/v1/auth/register", sameEmail), 409);

        Map<String, Object> sameUsername = registration(admin.tenantId(), "viewer");
        sameUsername.put("username", admin.username().toUpperCase(Locale.ROOT));
        assertError(api.as(admin).post("/api/v1/auth/register", sameUsername), 409);

        Map<String, Object> elsewhere = registration(other.tenantId(), "viewer");
        elsewhere.put("email", admin.email());
        elsewhere.put("username", admin.username());
        assertThat(api.as(other).post("/api/v1/auth/register", elsewhere).status()).isEqualTo(200);
    }

    private Response register(Map<String, Object> body) {
        return api.anonymous().post("/api/v1/auth/register", body);
    }

    private static Map<String, Object> registration(UUID tenantId, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("email", uniqueEmail(), "username", uniqueUsername(),
                "password", PASSWORD, "full_name", "New Colleague", "tenant_id", tenantId.toString()));
        if (role != null) {
            body.put("role", role);
        }
        return body;
    }
}
