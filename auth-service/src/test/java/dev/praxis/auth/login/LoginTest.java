package dev.praxis.auth.login;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Outcome;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.praxis.auth.AuthApi.PASSWORD;
import static dev.praxis.auth.AuthApi.uniqueEmail;
import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/auth/login} (public). */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class LoginTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenLeftOverFromAnEarlierSessionDoesNotStopALogin() {
        Member member = api.bootstrap();
        api.as(member).post("/api/v1/auth/logout", Map.of());
        HttpTestClient stale = api.anonymous().bearer(member.token());

        Response login = stale.post("/api/v1/auth/login",
                Map.of("username_or_email", member.username(), "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(stale.post("/api/v1/auth/logi%6E", Map.of("username_or_email", member.username(),
                "password", PASSWORD)).status()).as("however the path is written").isEqualTo(200);
        assertThat(stale.header("Authorization", "Bearer not.a.token").post("/api/v1/auth/request-magic-link",
                Map.of("email", member.email())).status()).isEqualTo(200);

        assertThat(stale.get("/api/v1/auth/me").status()).as("elsewhere it is still checked").isEqualTo(401);
    }

    @Test
    void logsInByUsernameOrByEmailInAnyCase() {
        Member member = api.bootstrap();

        Response byUsername = api.loginResponse(member.username(), PASSWORD);
        assertThat(byUsername.status()).isEqualTo(200);
        assertThat(byUsername.json().get("token_type").asString()).isEqualTo("bearer");
        assertThat(byUsername.json().get("access_token").asString()).isNotBlank();
        assertThat(byUsername.json().has("need_tenant_selection")).isFalse();

        assertThat(api.loginResponse(member.email().toUpperCase(Locale.ROOT), PASSWORD).status()).isEqualTo(200);
        assertThat(api.loginResponse(" " + member.username().toUpperCase(Locale.ROOT), PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void theTokenCarriesThePraxisClaims() {
        Member admin = api.bootstrap();
        Member pathologist = api.addUser(admin, Role.PATHOLOGIST);

        JsonNode header = TokenParts.header(pathologist.token());
        JsonNode claims = TokenParts.claims(pathologist.token());

        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(api.anonymous().get("/.well-known/jwks.json").body()).contains(header.get("kid").asString());
        assertThat(claims.get("iss").asString()).isEqualTo("praxis-auth");
        assertThat(claims.get("aud").toString()).isEqualTo("[\"praxis\"]");
        assertThat(claims.get("sub").asString()).isEqualTo(pathologist.userId().toString());
        assertThat(claims.get("tenant_id").asString()).isEqualTo(admin.tenantId().toString());
        assertThat(claims.get("workspace_id").asString()).isEqualTo(admin.tenantId().toString());
        assertThat(claims.get("roles").toString()).isEqualTo("[\"pathologist\"]");
        assertThat(claims.get("email").asString()).isEqualTo(pathologist.email());
        assertThat(UUID.fromString(claims.get("jti").asString())).isNotNull();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(480 * 60);
        assertThat(api.as(pathologist).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void everyFailureIsTheSameGeneric401() {
        Member member = api.bootstrap();
        Member other = api.bootstrap();

        Response[] failures = {
                api.loginResponse(member.username(), "wrong password"),
                api.loginResponse("nobody-" + UUID.randomUUID(), PASSWORD),
                api.loginResponse(uniqueEmail(), PASSWORD),
                api.anonymous().post("/api/v1/auth/login", Map.of("username_or_email", member.username(),
                        "password", PASSWORD, "tenant_id", other.tenantId().toString()))};

        for (Response failure : failures) {
            assertError(failure, 401);
            assertThat(failure.detail().asString()).isEqualTo("Incorrect username or password");
            assertThat(failure.json().properties()).hasSize(2);
        }
    }

    @Test
    void credentialsThatFitSeveralTenantsAskForATenant() {
        String email = uniqueEmail();
        Member first = api.bootstrap(email, PASSWORD);
        Member second = api.bootstrap(email, PASSWORD);
        Member unrelated = api.bootstrap();

        Response selection = api.loginResponse(email, PASSWORD);

        assertThat(selection.status()).isEqualTo(200);
        assertThat(selection.json().get("need_tenant_selection").asBoolean()).isTrue();
        assertThat(selection.json().has("access_token")).isFalse();
        assertThat(selection.json().get("options")).hasSize(2);
        assertThat(selection.body()).contains(
                "{\"tenant_id\":\"" + first.tenantId() + "\",\"tenant_name\":\"" + first.tenantName() + "\"}",
                "{\"tenant_id\":\"" + second.tenantId() + "\",\"tenant_name\":\"" + second.tenantName() + "\"}");

        Response finalized = api.anonymous().post("/api/v1/auth/login", Map.of("username_or_email", email,
                "password", PASSWORD, "tenant_id", second.tenantId().toString()));
        assertThat(finalized.status()).isEqualTo(200);
        String token = finalized.json().get("access_token").asString();
        assertThat(TokenParts.claims(token).get("tenant_id").asString()).isEqualTo(second.tenantId().toString());
        assertThat(TokenParts.claims(token).get("sub").asString()).isEqualTo(second.userId().toString());

        assertError(api.anonymous().post("/api/v1/auth/login", Map.of("username_or_email", email,
                "password", PASSWORD, "tenant_id", unrelated.tenantId().toString())), 401);
    }

    @Test
    void onlyTenantsWhereThePasswordFitsAreOffered() {
        String email = uniqueEmail();
        Member first = api.bootstrap(email, PASSWORD);
        api.bootstrap(email, "another tenant's password");

        Response login = api.loginResponse(email, PASSWORD);

        assertThat(login.json().has("access_token")).isTrue();
        assertThat(TokenParts.claims(login.json().get("access_token").asString()).get("tenant_id").asString())
                .isEqualTo(first.tenantId().toString());
    }

    @Test
    void repeatedFailuresLockThatAccountOnlyAndForAWhile() {
        Member member = api.bootstrap();
        Member colleague = api.addUser(member, Role.ASSISTANT);

        for (int i = 0; i < 5; i++) {
            assertError(api.loginResponse(member.username(), "guess " + i), 401);
        }

        Response locked = assertError(api.loginResponse(member.username(), PASSWORD), 401);
        assertThat(locked.detail().asString()).isEqualTo("Incorrect username or password");
        assertThat(api.loginResponse(colleague.username(), PASSWORD).status()).isEqualTo(200);
        assertThat(api.as(member).get("/api/v1/auth/me").status()).as("existing sessions go on").isEqualTo(200);

        clock.advance(Duration.ofMinutes(14));
        assertError(api.loginResponse(member.username(), PASSWORD), 401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.loginResponse(member.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessesThatOpenAnAccountUnderTheSameEmailElsewhereStillCountAgainstThisOne() {
        String email = uniqueEmail();
        Member victim = api.bootstrap(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            String guess = "the guesser's own password " + i;
            api.bootstrap(email, guess);
            assertThat(api.loginResponse(email, guess).status()).as("opens the guesser's own account").isEqualTo(200);
        }

        assertError(api.loginResponse(email, PASSWORD), 401);

        clock.advance(Duration.ofMinutes(16));
        Response login = api.loginResponse(email, PASSWORD);
        assertThat(TokenParts.claims(login.json().get("access_token").asString()).get("tenant_id").asString())
                .isEqualTo(victim.tenantId().toString());
    }

    @Test
    void aBurstOfAttemptsTestsNoMoreGuessesThanTheLockoutAllows() throws Exception {
        Member member = api.bootstrap();
        int attempts = 12;
        ExecutorService burst = Executors.newFixedThreadPool(attempts);
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String guess = "burst guess " + i;
                responses.add(burst.submit(() -> api.loginResponse(member.username(), guess)));
            }
            for (Future<Response> response : responses) {
                assertError(response.get(30, TimeUnit.SECONDS), 401);
            }

            List<EventEnvelope> failed = events.awaitEvents(e -> e.eventType().equals("login.failed")
                    && member.userId().toString().equals(e.resourceId()), attempts);
            assertThat(failed).as("every attempt is on record").hasSize(attempts);
            assertThat(failed).filteredOn(e -> "bad_credentials".equals(e.metadata().get("reason")))
                    .as("guesses checked against the password").hasSizeLessThanOrEqualTo(5);
        } finally {
            burst.shutdownNow();
        }
    }

    @Test
    void failedAttemptsOnMoreAccountsAtOnceThanTheDatabasePoolHasConnectionsAreEachAnswered() throws Exception {
        int attempts = 12;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            members.add(api.bootstrap());
        }
        ExecutorService burst = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (Member member : members) {
                responses.add(burst.submit(() -> api.loginResponse(member.username(), "wrong password")));
            }
            for (Future<Response> response : responses) {
                assertError(response.get(30, TimeUnit.SECONDS), 401);
            }
        } finally {
            burst.shutdownNow();
        }
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        Member member = api.bootstrap();

        for (int i = 0; i < 4; i++) {
            api.loginResponse(member.username(), "guess " + i);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            api.loginResponse(member.username(), "guess " + i);
        }

        assertThat(api.loginResponse(member.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        Member member = api.bootstrap();

        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                api.loginResponse(member.username(), "guess " + i);
            }
            assertThat(api.loginResponse(member.username(), PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void everyAttemptIsAnEventWithoutCredentials() {
        Member member = api.bootstrap();
        String unknown = "nobody-" + UUID.randomUUID();
        String requestId = "login-" + UUID.randomUUID();
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            api.loginResponse(member.username(), "wrong password");
            api.anonymous().header("X-Request-ID", requestId)
                    .post("/api/v1/auth/login", Map.of("username_or_email", unknown, "password", PASSWORD));
            String token = api.login(member.email(), PASSWORD);

            EventEnvelope succeeded = events.awaitEvent(e -> e.eventType().equals("login.succeeded")
                    && member.userId().toString().equals(e.resourceId()));
            assertThat(succeeded.resourceType()).isEqualTo("Login");
            assertThat(succeeded.action()).isEqualTo(Action.EXECUTE);
            assertThat(succeeded.tenantId()).isEqualTo(member.tenantId());
            assertThat(succeeded.actor().userId()).as("who logged in").isEqualTo(member.userId());
            assertThat(succeeded.metadata()).containsEntry("method", "password")
                    .containsEntry("jti", TokenParts.claims(token).get("jti").asString());

            EventEnvelope badPassword = events.awaitEvent(e -> e.eventType().equals("login.failed")
                    && member.userId().toString().equals(e.resourceId()));
            assertThat(badPassword.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(badPassword.tenantId()).isEqualTo(member.tenantId());
            assertThat(badPassword.metadata()).containsEntry("reason", "bad_credentials")
                    .containsEntry("account_locked", false);

            EventEnvelope unknownAccount = events.awaitEvent(e -> requestId.equals(e.requestId()));
            assertThat(unknownAccount.eventType()).isEqualTo("login.failed");
            assertThat(unknownAccount.resourceType()).isEqualTo("Login");
            assertThat(unknownAccount.resourceId()).isNull();
            assertThat(unknownAccount.tenantId()).isNull();
            assertThat(unknownAccount.metadata()).isEqualTo(Map.of("reason", "unknown_account"));

            assertThat(events.records()).noneMatch(r -> r.value().contains(member.email())
                    || r.value().contains(member.username()) || r.value().contains(unknown)
                    || r.value().contains(PASSWORD) || r.value().contains("wrong password")
                    || r.value().contains(token));
        }
    }

    @Test
    void credentialsAndTokensNeverReachTheLogs(CapturedOutput output) {
        Member member = api.bootstrap();
        api.loginResponse(member.username(), "wrong password");
        String token = api.login(member.email(), PASSWORD);

        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("wrong password")
                .doesNotContain(member.email()).doesNotContain(token);
    }

    @Test
    void invalidRequestsAre422() {
        assertInvalid(api.anonymous().post("/api/v1/auth/login", Map.of("username_or_email", "someone")),
                "[\"body\",\"password\"]");
        assertInvalid(api.anonymous().post("/api/v1/auth/login", Map.of("password", PASSWORD)),
                "[\"body\",\"username_or_email\"]");
        assertInvalid(api.anonymous().post("/api/v1/auth/login", Map.of("username_or_email", "someone",
                "password", PASSWORD, "tenant_id", "first")), "[\"body\",\"tenant_id\"]");
    }
}
