package dev.praxis.auth.user;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;

import static dev.praxis.auth.AuthApi.PASSWORD;
import static dev.praxis.auth.Responses.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** An email sent with "é" as one code point or as "e" + a combining accent names one account. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class EmailsTest {

    private static final String COMBINING_ACUTE = "\u0301";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    AuthApi api;
    int inserted;

    @BeforeEach
    void setUp() {
        api = new AuthApi(port);
    }

    @Test
    void addressesAreStoredComposedAndFoundInEitherForm() {
        String local = "zoe" + UUID.randomUUID().toString().substring(0, 8);
        String decomposed = local + "e" + COMBINING_ACUTE + "@example.com";
        String composed = local + "\u00e9@example.com";
        Member admin = api.bootstrap(decomposed, PASSWORD);

        assertThat(jdbc.queryForObject("select email from app_user where id = ?", String.class, admin.userId()))
                .isEqualTo(composed);
        assertThat(api.loginResponse(composed, PASSWORD).status()).isEqualTo(200);
        assertThat(api.loginResponse(decomposed, PASSWORD).status()).isEqualTo(200);

        Response lookAlike = api.as(admin).post("/api/v1/auth/register", Map.of("email", decomposed.toUpperCase(),
                "password", PASSWORD, "role", "viewer", "tenant_id", admin.tenantId().toString()));
        assertError(lookAlike, 409);
    }

    @Test
    void aChangedAddressIsStoredComposedAndAMagicLinkFindsItInEitherForm() {
        Member member = api.bootstrap();
        String local = "chloe" + UUID.randomUUID().toString().substring(0, 8);

        Response changed = api.as(member).put("/api/v1/auth/me",
                Map.of("email", local + "e" + COMBINING_ACUTE + "@example.com"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(email(member.userId())).isEqualTo(local + "\u00e9@example.com");
        for (String form : new String[]{local + "e" + COMBINING_ACUTE + "@example.com", local + "\u00e9@example.com"}) {
            int before = links(member.userId());
            assertThat(api.anonymous().post("/api/v1/auth/request-magic-link", Map.of("email", form)).status())
                    .isEqualTo(200);
            assertThat(links(member.userId())).as(form).isEqualTo(before + 1);
        }
    }

    @Test
    void anAddressThatNfcWouldLengthenPastTheColumnIs422() {
        Member admin = api.bootstrap();
        // U+FB2C is one UTF-16 unit and three code points in NFC: 64 of them pass @Size(max = 320) with a long domain.
        String domain = String.join(".", Collections.nCopies(4, "d".repeat(60))) + ".com";
        String address = "\uFB2C".repeat(64) + "@" + domain;
        assertThat(address.length()).isLessThanOrEqualTo(320);

        Response refused = api.as(admin).post("/api/v1/auth/register", Map.of("email", address, "password", PASSWORD,
                "role", "viewer", "tenant_id", admin.tenantId().toString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"email\"]");
        assertThat(refused.detail().get(0).get("msg").asString()).as("past @Email and @Size: the stored length")
                .isEqualTo("String should have at most 320 characters");
    }

    @Test
    void theMigrationNormalisesStoredAddressesUnlessTwoAccountsWouldShareOne() throws IOException {
        Member admin = api.bootstrap();
        UUID tenant = admin.tenantId();
        String local = "migr" + UUID.randomUUID().toString().substring(0, 8);
        UUID alone = insertUser(tenant, local + "-a" + "e" + COMBINING_ACUTE + "@example.com");
        UUID twinDecomposed = insertUser(tenant, local + "-b" + "e" + COMBINING_ACUTE + "@example.com");
        UUID twinComposed = insertUser(tenant, local + "-b" + "\u00e9@example.com");

        jdbc.execute(new ClassPathResource("db/migration/V10__email_nfc.sql")
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(email(alone)).isEqualTo(local + "-a\u00e9@example.com");
        assertThat(email(twinDecomposed)).as("left as registered: its tenant has the composed one")
                .isEqualTo(local + "-be" + COMBINING_ACUTE + "@example.com");
        assertThat(email(twinComposed)).isEqualTo(local + "-b\u00e9@example.com");
    }

    /**
     * "a" + dot below + dot above and "a" + dot above + dot below are one address in NFC: the older account takes it,
     * the other stays. "A" + combining ring and the Ångström sign are one too, but where the database's lower() takes
     * the Ångström sign for "å" (as its unique index then does), neither changes, and the migration does not fail.
     */
    @Test
    void theMigrationGivesLookAlikesOneAddressOnlyOnce() throws IOException {
        Member admin = api.bootstrap();
        String domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        UUID older = insertUser(admin.tenantId(), "a\u0323\u0307" + domain);
        UUID newer = insertUser(admin.tenantId(), "a\u0307\u0323" + domain);
        UUID ring = insertUser(admin.tenantId(), "A\u030A" + domain);
        UUID angstrom = insertUser(admin.tenantId(), "\u212B" + domain);

        jdbc.execute(new ClassPathResource("db/migration/V10__email_nfc.sql").getContentAsString(StandardCharsets.UTF_8));

        assertThat(email(older)).isEqualTo("\u1EA1\u0307" + domain);
        assertThat(email(newer)).isEqualTo("a\u0307\u0323" + domain);
        boolean lowerTakesAngstromForA = jdbc.queryForObject("select lower(?) = lower(?)", Boolean.class, "\u212B",
                "\u00C5");
        assertThat(email(ring)).isEqualTo(lowerTakesAngstromForA ? "A\u030A" + domain : "\u00C5" + domain);
        assertThat(email(angstrom)).isEqualTo("\u212B" + domain);
    }

    private int links(UUID userId) {
        return jdbc.queryForObject("select count(*) from magic_link where user_id = ?", Integer.class, userId);
    }

    private String email(UUID id) {
        return jdbc.queryForObject("select email from app_user where id = ?", String.class, id);
    }

    private UUID insertUser(UUID tenant, String email) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().plusMillis(inserted++);
        jdbc.update("insert into app_user (id, tenant_id, email, password_hash, role, is_active, created_at, updated_at)"
                + " values (?, ?, ?, 'x', 'viewer', true, ?, ?)", id, tenant, email, Timestamp.from(now),
                Timestamp.from(now));
        return id;
    }
}
