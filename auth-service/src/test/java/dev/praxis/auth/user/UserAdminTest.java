package dev.praxis.auth.user;

import dev.praxis.auth.AdvisoryLocks;
import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Outcome;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET/PUT /api/v1/users/{id}}: admins of the tenant only. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class UserAdminTest {

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
    void anAdminReadsAndChangesAUser() {
        Member admin = api.bootstrap();
        Member technician = api.addUser(admin, Role.LAB_TECH);

        Response read = api.as(admin).get("/api/v1/users/" + technician.userId());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("email").asString()).isEqualTo(technician.email());
        assertThat(read.json().get("role").asString()).isEqualTo("lab_tech");
        assertThat(read.json().get("is_active").asBoolean()).isTrue();

        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response updated = api.as(admin).put("/api/v1/users/" + technician.userId(),
                    Map.of("full_name", "Senior Pathologist", "role", "pathologist"));

            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.json().get("full_name").asString()).isEqualTo("Senior Pathologist");
            assertThat(updated.json().get("role").asString()).isEqualTo("pathologist");
            EventEnvelope event = events.awaitEvent(e -> e.eventType().equals("user.updated")
                    && technician.userId().toString().equals(e.resourceId()));
            assertThat(event.actor().userId()).isEqualTo(admin.userId());
            assertThat(event.metadata()).containsEntry("fields", List.of("full_name", "role"));
        }
        String token = api.login(technician.username(), technician.password());
        assertThat(TokenParts.claims(token).get("roles").toString()).isEqualTo("[\"pathologist\"]");
    }

    @Test
    void anAdminMovesAUserToABranchOfTheTenantOnly() {
        Member admin = api.bootstrap();
        Member technician = api.addUser(admin, Role.LAB_TECH);
        UUID ours = api.createBranch(admin, "MAIN");
        UUID theirs = api.createBranch(api.bootstrap(), "MAIN");
        assertThat(api.as(admin).get("/api/v1/users/" + technician.userId()).json().get("branch_id").isNull())
                .isTrue();

        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response moved = api.as(admin).put("/api/v1/users/" + technician.userId(),
                    Map.of("branch_id", ours.toString()));

            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("branch_id").asString()).isEqualTo(ours.toString());
            EventEnvelope event = events.awaitEvent(e -> e.eventType().equals("user.updated")
                    && technician.userId().toString().equals(e.resourceId()));
            assertThat(event.metadata()).containsEntry("fields", List.of("branch_id"));
        }
        for (UUID notOurs : new UUID[]{theirs, UUID.randomUUID()}) {
            assertError(api.as(admin).put("/api/v1/users/" + technician.userId(),
                    Map.of("branch_id", notOurs.toString(), "full_name", "Not Saved")), 404);
        }
        assertThat(jdbc.queryForObject("select branch_id from app_user where id = ?", UUID.class,
                technician.userId())).isEqualTo(ours);
        assertThat(api.as(admin).get("/api/v1/users/" + technician.userId()).json().get("full_name").asString())
                .isEqualTo("Colleague");
        assertInvalid(api.as(admin).put("/api/v1/users/" + technician.userId(), Map.of("branch_id", "main")),
                "[\"body\",\"branch_id\"]");
    }

    @Test
    void aRoleChangeRevokesTheTokensThatCarryTheOldRole() {
        Member admin = api.bootstrap();
        Member practitioner = api.addUser(admin, Role.PRACTITIONER);

        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response changed = api.as(admin).put("/api/v1/users/" + practitioner.userId(), Map.of("role", "viewer"));

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            EventEnvelope revoked = events.awaitEvent(e -> e.eventType().equals("token.revoked")
                    && jti(practitioner).equals(e.resourceId()));
            assertThat(revoked.metadata()).containsEntry("reason", "role_changed");
        }
        assertError(api.as(practitioner).get("/api/v1/auth/me"), 401);
        String newToken = api.login(practitioner.username(), practitioner.password());
        assertThat(api.anonymous().bearer(newToken).get("/api/v1/auth/me").json().get("role").asString()).isEqualTo("viewer");
    }

    @Test
    void deactivationRevokesEveryLiveTokenOfTheUser() {
        Member admin = api.bootstrap();
        Member first = api.addUser(admin, Role.PRACTITIONER);
        Member second = api.relogin(first);
        List<String> jtis = List.of(jti(first), jti(second));

        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response deactivated = api.as(admin).put("/api/v1/users/" + first.userId(), Map.of("is_active", false));

            assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
            assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
            List<EventEnvelope> revoked = events.awaitEvents(e -> e.eventType().equals("token.revoked")
                    && jtis.contains(e.resourceId()), 2);
            assertThat(revoked).allSatisfy(e -> {
                assertThat(e.resourceType()).isEqualTo("Token");
                assertThat(e.action()).isEqualTo(Action.UPDATE);
                assertThat(e.tenantId()).isEqualTo(admin.tenantId());
                assertThat(e.metadata()).containsEntry("reason", "user_deactivated")
                        .containsEntry("jti", e.resourceId()).containsKey("expires_at");
            });
            EventEnvelope user = events.awaitEvent(e -> e.eventType().equals("user.deactivated")
                    && first.userId().toString().equals(e.resourceId()));
            assertThat(user.metadata()).containsEntry("revoked_tokens", 2);
        }
        assertError(api.as(first).get("/api/v1/auth/me"), 401);
        assertError(api.as(second).get("/api/v1/auth/me"), 401);
        assertError(api.loginResponse(first.username(), first.password()), 401);
        String revocations = api.anonymous().get("/internal/revocations").body();
        assertThat(revocations).contains(jtis.get(0), jtis.get(1));

        api.as(admin).put("/api/v1/users/" + first.userId(), Map.of("is_active", true));
        assertThat(api.login(first.username(), first.password())).isNotBlank();
    }

    @Test
    void aDeactivationWaitsForTheLoginInProgressOnTheAccountAndTheLoginWaitsForNothing(@Autowired DataSource database)
            throws Exception {
        Member admin = api.bootstrap();
        Member user = api.addUser(admin, Role.PRACTITIONER);
        String userId = user.userId().toString();
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            CompletableFuture<Response> deactivation;
            try (Connection loginInProgress = database.getConnection()) {
                loginInProgress.setAutoCommit(false);
                try (PreparedStatement hold = loginInProgress.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    hold.setLong(1, Accounts.lockKey(user.userId()));
                    hold.execute();
                }

                assertError(api.loginResponse(user.username(), user.password()), 401);
                EventEnvelope refused = events.awaitEvent(e -> e.eventType().equals("login.failed")
                        && userId.equals(e.resourceId()));
                assertThat(refused.outcome()).isEqualTo(Outcome.FAILURE);
                assertThat(refused.tenantId()).isEqualTo(admin.tenantId());
                assertThat(refused.metadata()).containsEntry("reason", "attempt_in_progress");

                deactivation = CompletableFuture.supplyAsync(() -> api.as(admin).put("/api/v1/users/" + user.userId(),
                        Map.of("is_active", false)));
                await("the deactivation waits for the login in progress").atMost(Duration.ofSeconds(20))
                        .until(() -> AdvisoryLocks.waitersOnLocksHeldBy(loginInProgress) > 0);
                assertThat(deactivation).isNotDone();

                loginInProgress.commit();
            }

            Response deactivated = deactivation.get(30, TimeUnit.SECONDS);
            assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
            assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
            // Keyed by the user id like the login events, so it arrives after anything the refused attempt published.
            events.awaitEvent(e -> e.eventType().equals("user.deactivated") && userId.equals(e.resourceId()));
            assertThat(events.events()).noneMatch(e -> e.eventType().equals("login.succeeded")
                    && userId.equals(e.resourceId()));
        }
    }

    @Test
    void aTenantKeepsAtLeastOneActiveAdmin() {
        Member admin = api.bootstrap();

        assertError(api.as(admin).put("/api/v1/users/" + admin.userId(), Map.of("role", "viewer")), 409);
        assertError(api.as(admin).put("/api/v1/users/" + admin.userId(), Map.of("is_active", false)), 409);
        assertThat(jdbc.queryForObject("select role from app_user where id = ?", String.class, admin.userId()))
                .isEqualTo("admin");

        api.addUser(admin, Role.ADMIN);
        Response demoted = api.as(admin).put("/api/v1/users/" + admin.userId(), Map.of("role", "viewer"));
        assertThat(demoted.status()).isEqualTo(200);
    }

    @Test
    void otherRolesAreForbidden() {
        Member admin = api.bootstrap();
        for (Role role : Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN).toList()) {
            Member member = api.addUser(admin, role);
            assertError(api.as(member).get("/api/v1/users/" + admin.userId()), 403);
            assertError(api.as(member).put("/api/v1/users/" + member.userId(), Map.of("role", "admin")), 403);
        }
        assertError(api.anonymous().get("/api/v1/users/" + admin.userId()), 401);
        assertError(api.anonymous().put("/api/v1/users/" + admin.userId(), Map.of("is_active", false)), 401);
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        Member admin = api.bootstrap();
        Member stranger = api.bootstrap();

        assertError(api.as(stranger).get("/api/v1/users/" + admin.userId()), 404);
        assertError(api.as(stranger).put("/api/v1/users/" + admin.userId(), Map.of("is_active", false)), 404);
        assertError(api.as(admin).get("/api/v1/users/" + UUID.randomUUID()), 404);
        assertThat(api.login(admin.username(), admin.password())).isNotBlank();
    }

    @Test
    void invalidChangesAre422() {
        Member admin = api.bootstrap();

        assertInvalid(api.as(admin).put("/api/v1/users/" + admin.userId(), Map.of("role", "root")),
                "[\"body\",\"role\"]");
        assertInvalid(api.as(admin).put("/api/v1/users/" + admin.userId(), Map.of("is_active", "maybe")),
                "[\"body\",\"is_active\"]");
        assertInvalid(api.as(admin).get("/api/v1/users/42"), "[\"path\",\"user_id\"]");
    }

    private static String jti(Member member) {
        return TokenParts.claims(member.token()).get("jti").asString();
    }
}
