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

        Response lookAlike = api.as(admin).post("/api/v1/auth/register", Map.of("email", composed.toUpperCase(),
                "password", PASSWORD, "role", "viewer", "tenant_id", admin.tenantId().toString()));
        assertError(lookAlike, 409);
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

    private String email(UUID id) {
        return jdbc.queryForObject("select email from app_user where id = ?", String.class, id);
    }

    private UUID insertUser(UUID tenant, String email) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("insert into app_user (id, tenant_id, email, password_hash, role, is_active, created_at, updated_at)"
                + " values (?, ?, ?, 'x', 'viewer', true, ?, ?)", id, tenant, email, Timestamp.from(now),
                Timestamp.from(now));
        return id;
    }
}
