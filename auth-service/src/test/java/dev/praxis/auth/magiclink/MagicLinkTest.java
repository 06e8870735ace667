package dev.praxis.auth.magiclink;

import dev.praxis.auth.AdvisoryLocks;
import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.auth.user.Account;
import dev.praxis.auth.user.Accounts;
import dev.praxis.contracts.events.EventEnvelope;
import dev.praxis.contracts.events.Outcome;
import dev.praxis.contracts.events.Topics;
import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.KafkaProbe;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestClock;
import dev.praxis.test.TestMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.praxis.auth.AuthApi.PASSWORD;
import static dev.praxis.auth.AuthApi.uniqueEmail;
import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/v1/auth/request-magic-link} and {@code GET /api/v1/auth/verify-magic-link} (PazPaz, public). */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class MagicLinkTest {

    static final Pattern LINK = Pattern.compile(
            "http://localhost:8000/api/v1/auth/verify-magic-link\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Accounts accounts;

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
    void theAnswerIsTheSameWhetherTheEmailHasAnAccountOrNot() {
        Member member = api.bootstrap();
        String stranger = uniqueEmail();

        Response unknown = request(stranger);
        Response known = request(member.email());

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body()).isEqualTo(unknown.body())
                .isEqualTo("{\"message\":\"If an account exists for this email, a sign-in link has been sent.\"}");
        assertThat(awaitMails(member.email(), 1)).hasSize(1);
        assertThat(mailsTo(stranger)).isEmpty();
    }

    @Test
    void aLinkSignsInOnceWithTheDocumentedBody() {
        Member member = api.bootstrap();
        request(member.email().toUpperCase());
        MimeMessage mail = awaitMails(member.email(), 1).get(0);
        String token = tokens(mail).get(0);
        String link = "/api/v1/auth/verify-magic-link?token=" + token;
        Response head = api.anonymous().send("HEAD", link, "application/json", new byte[0]);
        assertThat(head.status()).as("a link preview's HEAD does not spend the link").isEqualTo(405);
        assertThat(head.header("Allow")).isEqualTo("GET");
        assertThat(api.anonymous().header("Accept", "text/html").get(link).status())
                .as("nor does a GET that accepts no JSON").isEqualTo(406);

        Response verified = verify(token);

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("token_type").asString()).isEqualTo("bearer");
        assertThat(verified.json().get("user").get("id").asString()).isEqualTo(member.userId().toString());
        assertThat(verified.json().get("user").get("email").asString()).isEqualTo(member.email());
        assertThat(verified.json().get("user").get("workspace_id").asString())
                .isEqualTo(member.tenantId().toString());
        String accessToken = verified.json().get("access_token").asString();
        assertThat(TokenParts.claims(accessToken).get("workspace_id").asString())
                .isEqualTo(member.tenantId().toString());
        assertThat(api.anonymous().bearer(accessToken).get("/api/v1/auth/me").status()).isEqualTo(200);

        Response again = assertError(verify(token), 401);
        assertThat(again.body()).doesNotContain(token);
    }

    @Test
    void theMailHasOneLinkPerTenantOfTheEmail() throws MessagingException {
        String email = uniqueEmail();
        Member first = api.bootstrap(email, PASSWORD);
        Member second = api.bootstrap(email, "a different password");

        request(email);

        MimeMessage mail = awaitMails(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your Praxis sign-in link");
        assertThat(text(mail)).contains(first.tenantName(), second.tenantName());
        List<String> workspaces = tokens(mail).stream()
                .map(token -> verify(token).json().get("user").get("workspace_id").asString())
                .toList();
        assertThat(workspaces).containsExactlyInAnyOrder(first.tenantId().toString(), second.tenantId().toString());
    }

    @Test
    void aLinkExpiresAfterTenMinutes() {
        Member member = api.bootstrap();
        request(member.email());
        request(member.email());
        List<String> tokens = awaitMails(member.email(), 2).stream().map(mail -> tokens(mail).get(0)).toList();

        clock.advance(Duration.ofMinutes(9));
        assertThat(verify(tokens.get(0)).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertError(verify(tokens.get(1)), 401);
    }

    @Test
    void onlyTheHashOfTheTokenIsStored() {
        Member member = api.bootstrap();
        request(member.email());
        String token = tokens(awaitMails(member.email(), 1).get(0)).get(0);

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        List<Map<String, Object>> rows = jdbc.queryForList("select * from magic_link where user_id = ?",
                member.userId());
        assertThat(rows).hasSize(1);
        assertThat((byte[]) rows.get(0).get("token_hash")).isEqualTo(MagicLinkTokens.hash(token));
        assertThat(rows.get(0).values()).noneMatch(value -> String.valueOf(value).contains(token)
                || (value instanceof byte[] bytes && new String(bytes).contains(token)));
    }

    @Test
    void anAccountHasAtMostThreeUnusedLinks() {
        Member member = api.bootstrap();
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            for (int i = 0; i < 4; i++) {
                assertThat(request(member.email()).status()).isEqualTo(200);
            }

            EventEnvelope refused = events.awaitEvent(e -> e.eventType().equals("magic_link.requested")
                    && e.outcome() == Outcome.FAILURE && member.tenantId().equals(e.tenantId()));
            assertThat(refused.metadata()).containsEntry("reason", "too_many_active_links");
        }
        assertThat(jdbc.queryForObject("select count(*) from magic_link where user_id = ?", Integer.class,
                member.userId())).isEqualTo(3);
        assertThat(awaitMails(member.email(), 3)).hasSize(3);
    }

    @Test
    void inactiveAccountsGetNoLink() {
        Member admin = api.bootstrap();
        Member former = api.addUser(admin, Role.ASSISTANT);
        api.as(admin).put("/api/v1/users/" + former.userId(), Map.of("is_active", false));
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response answer = api.anonymous().header("X-Request-ID", "inactive-" + former.userId())
                    .post("/api/v1/auth/request-magic-link", Map.of("email", former.email()));
            assertThat(answer.status()).isEqualTo(200);

            EventEnvelope refused = events.awaitEvent(e -> e.eventType().equals("magic_link.requested")
                    && ("inactive-" + former.userId()).equals(e.requestId()));
            assertThat(refused.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(refused.tenantId()).isNull();
            assertThat(refused.metadata()).isEqualTo(Map.of("reason", "no_account"));
        }
        assertThat(jdbc.queryForObject("select count(*) from magic_link where user_id = ?", Integer.class,
                former.userId())).isZero();
    }

    @Test
    void aLinkOfADeactivatedAccountNoLongerSignsIn() {
        Member admin = api.bootstrap();
        Mailed former = userWithALink(admin);

        api.as(admin).put("/api/v1/users/" + former.member().userId(), Map.of("is_active", false));
        api.as(admin).put("/api/v1/users/" + former.member().userId(), Map.of("is_active", true));

        assertError(verify(former.token()), 401);
    }

    @Test
    void aNewEmailOrPasswordWithdrawsTheLinksAlreadySent() {
        Member admin = api.bootstrap();
        Mailed moving = userWithALink(admin);
        Mailed careful = userWithALink(admin);
        Mailed unchanged = userWithALink(admin);

        api.as(moving.member()).put("/api/v1/auth/me", Map.of("email", "moved-" + moving.member().email()));
        assertThat(api.as(careful.member()).put("/api/v1/auth/me", Map.of("current_password",
                careful.member().password(), "new_password", "a brand new passphrase")).status()).isEqualTo(200);
        api.as(unchanged.member()).put("/api/v1/auth/me", Map.of("full_name", "A new name"));

        assertError(verify(moving.token()), 401);
        assertError(verify(careful.token()), 401);
        assertThat(verify(unchanged.token()).status()).as("other changes leave links alone").isEqualTo(200);
    }

    @Test
    void aLinkSignsInOnlyWhileTheAccountHasTheAddressItWasSentTo() {
        Member admin = api.bootstrap();
        Mailed raced = userWithALink(admin);
        // As if the change had committed between the request's read of the account and its insert of the link, so
        // that the change's withdrawal did not see the link.
        jdbc.update("update app_user set email = ? where id = ?", "elsewhere-" + raced.member().email(),
                raced.member().userId());

        assertError(verify(raced.token()), 401);
        assertThat(jdbc.queryForObject("select sent_to from magic_link where user_id = ?", String.class,
                raced.member().userId())).isEqualTo(raced.member().email());
    }

    @Test
    void aMagicLinkLoginWaitsForTheLoginInProgressOnTheAccount() throws Exception {
        Member member = api.bootstrap();
        request(member.email());
        String token = tokens(awaitMails(member.email(), 1).get(0)).get(0);

        // A password login in progress: it has claimed the account and not committed yet.
        CompletableFuture<Response> verification = transactions.execute(loginInProgress -> {
            List<Account> claimed = accounts.claimForLogin(accounts.findForLogin(member.username(), member.tenantId()))
                    .orElseThrow();
            assertThat(claimed).extracting(Account::id).containsExactly(member.userId());
            CompletableFuture<Response> call = CompletableFuture.supplyAsync(() -> verify(token));
            // Polled on this thread: the query must run in this transaction, on the session that holds the account.
            await("the magic-link login waits for the login in progress").atMost(Duration.ofSeconds(20))
                    .pollInSameThread()
                    .until(() -> jdbc.execute((ConnectionCallback<Integer>) AdvisoryLocks::waitersOnLocksHeldBy) > 0);
            assertThat(call).isNotDone();
            return call;
        });

        Response verified = verification.get(30, TimeUnit.SECONDS);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("user").get("id").asString()).isEqualTo(member.userId().toString());
        String accessToken = verified.json().get("access_token").asString();
        assertThat(TokenParts.claims(accessToken).get("sub").asString()).isEqualTo(member.userId().toString());
        assertThat(api.anonymous().bearer(accessToken).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void eventsTellWhatHappenedWithoutEmailsOrTokens() {
        Member member = api.bootstrap();
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            request(member.email());
            String token = tokens(awaitMails(member.email(), 1).get(0)).get(0);
            String accessToken = verify(token).json().get("access_token").asString();

            EventEnvelope requested = events.awaitEvent(e -> e.eventType().equals("magic_link.requested")
                    && member.tenantId().equals(e.tenantId()));
            assertThat(requested.resourceType()).isEqualTo("MagicLink");
            assertThat(requested.metadata()).containsEntry("user_id", member.userId().toString());
            EventEnvelope used = events.awaitEvent(e -> e.eventType().equals("magic_link.used")
                    && member.tenantId().equals(e.tenantId()));
            assertThat(used.resourceId()).isEqualTo(requested.resourceId());
            assertThat(used.actor().userId()).isEqualTo(member.userId());
            EventEnvelope login = events.awaitEvent(e -> e.eventType().equals("login.succeeded")
                    && member.userId().toString().equals(e.resourceId()));
            assertThat(login.metadata()).containsEntry("method", "magic_link");
            assertThat(login.actor().userId()).isEqualTo(member.userId());

            verify(token);
            EventEnvelope reuse = events.awaitEvent(e -> e.eventType().equals("login.failed")
                    && member.userId().toString().equals(e.resourceId()));
            assertThat(reuse.metadata()).containsEntry("reason", "magic_link_used");
            assertThat(events.records()).noneMatch(r -> r.value().contains(member.email())
                    || r.value().contains(token) || r.value().contains(accessToken));
        }
    }

    @Test
    void tokensAndEmailsStayOutOfTheLogsOutsideTheLocalProfile(CapturedOutput output) {
        Member member = api.bootstrap();
        request(member.email());
        String token = tokens(awaitMails(member.email(), 1).get(0)).get(0);
        verify(token);

        assertThat(output.getAll()).doesNotContain(token).doesNotContain(member.email())
                .doesNotContain("magic link for");
    }

    @Test
    void invalidRequestsAre422AndUnknownTokens401() {
        assertInvalid(api.anonymous().post("/api/v1/auth/request-magic-link", Map.of()), "[\"body\",\"email\"]");
        assertInvalid(api.anonymous().post("/api/v1/auth/request-magic-link", Map.of("email", "nope")),
                "[\"body\",\"email\"]");
        assertInvalid(api.anonymous().get("/api/v1/auth/verify-magic-link"), "[\"query\",\"token\"]");
        assertInvalid(verify("x".repeat(200)), "[\"query\",\"token\"]");
        Response unknown = assertError(verify("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), 401);
        assertThat(unknown.detail().asString()).isEqualTo("Invalid or expired link");
    }

    /** A new user of the admin's tenant and the sign-in link just mailed to them. */
    private record Mailed(Member member, String token) {
    }

    private Mailed userWithALink(Member admin) {
        Member member = api.addUser(admin, Role.ASSISTANT);
        request(member.email());
        return new Mailed(member, tokens(awaitMails(member.email(), 1).get(0)).get(0));
    }

    private Response request(String email) {
        return api.anonymous().post("/api/v1/auth/request-magic-link", Map.of("email", email));
    }

    private Response verify(String token) {
        return api.anonymous().get("/api/v1/auth/verify-magic-link?token=" + token);
    }

    private static List<MimeMessage> awaitMails(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(recipient), mails -> mails.size() >= count);
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return TestMail.received().stream().filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> tokens(MimeMessage mail) {
        Matcher matcher = LINK.matcher(text(mail));
        List<String> tokens = new ArrayList<>();
        while (matcher.find()) {
            tokens.add(matcher.group(1));
        }
        return tokens;
    }

    private static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
