package dev.praxis.auth.user;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.Map;

import static dev.praxis.auth.AuthApi.PASSWORD;
import static dev.praxis.auth.AuthApi.uniqueEmail;
import static dev.praxis.auth.AuthApi.uniqueUsername;
import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/PUT /api/v1/auth/me}: every role, own profile only. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class ProfileTest {

    static final String NEW_PASSWORD = "a much better passphrase";

    @LocalServerPort
    int port;

    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi(port);
    }

    @Test
    void everyRoleReadsItsProfile() {
        Member admin = api.bootstrap();
        Member billing = api.addUser(admin, Role.BILLING);

        Response me = api.as(billing).get("/api/v1/auth/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(billing.userId().toString());
        assertThat(me.json().get("email").asString()).isEqualTo(billing.email());
        assertThat(me.json().get("username").asString()).isEqualTo(billing.username());
        assertThat(me.json().get("full_name").asString()).isEqualTo("Colleague");
        assertThat(me.json().get("role").asString()).isEqualTo("billing");
        assertThat(me.json().get("tenant_id").asString()).isEqualTo(admin.tenantId().toString());
        assertError(api.anonymous().get("/api/v1/auth/me"), 401);
        assertError(api.anonymous().put("/api/v1/auth/me", Map.of("full_name", "X")), 401);
    }

    @Test
    void updatesOnlyTheFieldsGivenAndRecordsTheirNames() {
        Member member = api.bootstrap();
        String email = uniqueEmail();
        String username = uniqueUsername();
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response updated = api.as(member).put("/api/v1/auth/me",
                    Map.of("full_name", "Dr. New Name", "username", username, "email", email));

            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.json().get("full_name").asString()).isEqualTo("Dr. New Name");
            assertThat(updated.json().get("username").asString()).isEqualTo(username);
            assertThat(updated.json().get("email").asString()).isEqualTo(email);
            assertThat(updated.json().get("role").asString()).isEqualTo("admin");

            EventEnvelope event = events.awaitEvent(e -> e.eventType().equals("user.updated")
                    && member.userId().toString().equals(e.resourceId()));
            assertThat(event.metadata()).containsEntry("fields", List.of("email", "username", "full_name"));
            assertThat(events.records()).noneMatch(r -> r.value().contains(email) || r.value().contains("New Name"));
        }
        Response untouched = api.as(member).put("/api/v1/auth/me", Map.of());
        assertThat(untouched.json().get("full_name").asString()).isEqualTo("Dr. New Name");
        assertThat(api.login(email, PASSWORD)).isNotBlank();
    }

    @Test
    void aNewPasswordNeedsTheCurrentOne() {
        Member member = api.bootstrap();

        assertInvalid(api.as(member).put("/api/v1/auth/me", Map.of("new_password", NEW_PASSWORD)),
                "[\"body\",\"current_password\"]");
        assertInvalid(api.as(member).put("/api/v1/auth/me", Map.of("current_password", PASSWORD)),
                "[\"body\",\"new_password\"]");
        Response wrong = assertInvalid(api.as(member).put("/api/v1/auth/me",
                Map.of("current_password", "not my password", "new_password", NEW_PASSWORD)),
                "[\"body\",\"current_password\"]");
        assertThat(wrong.body()).doesNotContain("not my password").doesNotContain(NEW_PASSWORD);
        assertThat(api.login(member.username(), PASSWORD)).isNotBlank();

        Response changed = api.as(member).put("/api/v1/auth/me",
                Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(changed.status()).isEqualTo(200);
        assertError(api.loginResponse(member.username(), PASSWORD), 401);
        assertThat(api.login(member.username(), NEW_PASSWORD)).isNotBlank();
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionButTheCurrentOne() {
        Member member = api.bootstrap();
        Member otherSession = api.relogin(member);
        String currentJti = jti(member);
        String otherJti = jti(otherSession);

        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response changed = api.as(member).put("/api/v1/auth/me",
                    Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD));

            assertThat(changed.status()).isEqualTo(200);
            assertThat(api.as(member).get("/api/v1/auth/me").status()).isEqualTo(200);
            assertError(api.as(otherSession).get("/api/v1/auth/me"), 401);
            EventEnvelope revoked = events.awaitEvent(e -> e.eventType().equals("token.revoked")
                    && otherJti.equals(e.resourceId()));
            assertThat(revoked.tenantId()).isEqualTo(member.tenantId());
            assertThat(revoked.metadata()).containsEntry("reason", "password_changed")
                    .containsEntry("jti", otherJti);

            // Events are keyed by resource id, so a logout of the current session lands behind any earlier revocation
            // of that jti: once it has arrived, the password change cannot have published one still on its way.
            assertThat(api.as(member).post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(200);
            events.awaitEvent(e -> e.eventType().equals("token.revoked") && currentJti.equals(e.resourceId()));
            assertThat(events.events()).filteredOn(e -> e.eventType().equals("token.revoked")
                            && currentJti.equals(e.resourceId()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.metadata()).containsEntry("reason", "logout"));
        }
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheLockout() {
        Member member = api.bootstrap();

        for (int i = 0; i < 5; i++) {
            assertInvalid(api.as(member).put("/api/v1/auth/me",
                    Map.of("current_password", "guess " + i, "new_password", NEW_PASSWORD)),
                    "[\"body\",\"current_password\"]");
        }

        assertError(api.loginResponse(member.username(), PASSWORD), 401);
        assertInvalid(api.as(member).put("/api/v1/auth/me",
                Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD)), "[\"body\",\"current_password\"]");
    }

    @Test
    void usernameAndEmailStayUniqueWithinTheTenant() {
        Member admin = api.bootstrap();
        Member colleague = api.addUser(admin, Role.ASSISTANT);
        Member elsewhere = api.bootstrap();

        assertError(api.as(colleague).put("/api/v1/auth/me", Map.of("email", admin.email().toUpperCase())), 409);
        assertError(api.as(colleague).put("/api/v1/auth/me", Map.of("username", admin.username())), 409);

        Response sameAsAnotherTenant = api.as(colleague).put("/api/v1/auth/me",
                Map.of("email", elsewhere.email(), "username", elsewhere.username()));
        assertThat(sameAsAnotherTenant.status()).isEqualTo(200);
    }

    @Test
    void invalidUpdatesAre422() {
        Member member = api.bootstrap();

        assertInvalid(api.as(member).put("/api/v1/auth/me", Map.of("email", "not-an-email")), "[\"body\",\"email\"]");
        assertInvalid(api.as(member).put("/api/v1/auth/me", Map.of("username", "me@example.test")),
                "[\"body\",\"username\"]");
        assertInvalid(api.as(member).put("/api/v1/auth/me",
                Map.of("current_password", PASSWORD, "new_password", "short")), "[\"body\",\"new_password\"]");
        assertInvalid(api.as(member).put("/api/v1/auth/me",
                        Map.of("current_password", PASSWORD, "new_password", " ".repeat(10))),
                "[\"body\",\"new_password\"]");
        assertInvalid(api.as(member).put("/api/v1/auth/me",
                        Map.of("current_password", PASSWORD, "new_password", "\u2003".repeat(10))),
                "[\"body\",\"new_password\"]");
        assertInvalid(api.as(member).put("/api/v1/auth/me",
                        Map.of("current_password", PASSWORD, "new_password", "\u200b".repeat(10))),
                "[\"body\",\"new_password\"]");
        assertThat(api.loginResponse(member.email(), PASSWORD).status()).as("the password is unchanged").isEqualTo(200);
    }

    private static String jti(Member member) {
        return TokenParts.claims(member.token()).get("jti").asString();
    }
}
