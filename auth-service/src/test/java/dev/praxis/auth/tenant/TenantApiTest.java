package dev.praxis.auth.tenant;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.contracts.events.Action;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class TenantApiTest {

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
    void anyoneCreatesATenantWithOrWithoutTheTrailingSlash() {
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response created = api.anonymous().post("/api/v1/tenants/",
                    Map.of("name", "Acme Labs", "legal_name", "Acme Labs Inc.", "tax_id", "123456789"));

            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            String id = created.json().get("id").asString();
            assertThat(created.json().get("name").asString()).isEqualTo("Acme Labs");
            assertThat(created.json().get("legal_name").asString()).isEqualTo("Acme Labs Inc.");
            assertThat(created.json().has("tax_id")).isFalse();
            assertThat(jdbc.queryForObject("select tax_id from tenant where id = ?::uuid", String.class, id))
                    .isEqualTo("123456789");

            EventEnvelope event = events.awaitEvent(e -> id.equals(e.resourceId()));
            assertThat(event.eventType()).isEqualTo("tenant.created");
            assertThat(event.resourceType()).isEqualTo("Tenant");
            assertThat(event.action()).isEqualTo(Action.CREATE);
            assertThat(event.tenantId()).hasToString(id);
        }
        Response withoutSlash = api.anonymous().post("/api/v1/tenants", Map.of("name", "Beta Diagnostics"));
        assertThat(withoutSlash.status()).isEqualTo(200);
        assertThat(withoutSlash.json().get("legal_name").isNull()).isTrue();
    }

    @Test
    void aTenantNeedsAName() {
        assertInvalid(api.anonymous().post("/api/v1/tenants/", Map.of("legal_name", "Nameless Inc.")),
                "[\"body\",\"name\"]");
        assertInvalid(api.anonymous().post("/api/v1/tenants/", Map.of("name", " ")), "[\"body\",\"name\"]");
        assertInvalid(api.anonymous().post("/api/v1/tenants/", Map.of("name", "x".repeat(256))),
                "[\"body\",\"name\"]");
    }

    @Test
    void theListShowsOnlyTheCallersTenant() {
        Member mine = api.bootstrap();
        api.bootstrap();

        for (String path : new String[]{"/api/v1/tenants/", "/api/v1/tenants"}) {
            Response list = api.as(mine).get(path);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()).hasSize(1);
            assertThat(list.json().get(0).get("id").asString()).isEqualTo(mine.tenantId().toString());
            assertThat(list.json().get(0).get("name").asString()).isEqualTo(mine.tenantName());
            assertThat(list.header("X-Total-Count")).isEqualTo("1");
        }
        Response pastTheEnd = api.as(mine).get("/api/v1/tenants/?offset=1&limit=1");
        assertThat(pastTheEnd.status()).isEqualTo(200);
        assertThat(pastTheEnd.body()).isEqualTo("[]");
        assertThat(pastTheEnd.header("X-Total-Count")).isEqualTo("1");
        assertInvalid(api.as(mine).get("/api/v1/tenants/?limit=501"), "[\"query\",\"limit\"]");
        assertError(api.anonymous().get("/api/v1/tenants/"), 401);
    }

    @Test
    void everyRoleReadsItsOwnTenantAndAnotherTenantIsNotFound() {
        Member admin = api.bootstrap();
        Member viewer = api.addUser(admin, Role.VIEWER);
        Member stranger = api.bootstrap();

        Response own = api.as(viewer).get("/api/v1/tenants/" + admin.tenantId());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("id").asString()).isEqualTo(admin.tenantId().toString());
        assertThat(own.json().has("tax_id")).isTrue();

        assertError(api.as(stranger).get("/api/v1/tenants/" + admin.tenantId()), 404);
        assertError(api.as(admin).get("/api/v1/tenants/" + UUID.randomUUID()), 404);
        assertInvalid(api.as(admin).get("/api/v1/tenants/not-a-uuid"), "[\"path\",\"tenant_id\"]");
        assertError(api.anonymous().get("/api/v1/tenants/" + admin.tenantId()), 401);
    }

    @Test
    void anotherTenantsBranchesAndUsersAreNotFound() {
        Member admin = api.bootstrap();
        Member stranger = api.bootstrap();

        assertError(api.as(stranger).get("/api/v1/tenants/" + admin.tenantId() + "/branches"), 404);
        assertError(api.as(stranger).get("/api/v1/tenants/" + admin.tenantId() + "/users"), 404);
    }

    @Test
    void onlyAdminsListTheUsersOfTheTenant() {
        Member admin = api.bootstrap();
        Member technician = api.addUser(admin, Role.LAB_TECH);

        Response users = api.as(admin).get("/api/v1/tenants/" + admin.tenantId() + "/users");

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json()).hasSize(2);
        assertThat(users.header("X-Total-Count")).isEqualTo("2");
        assertThat(users.body()).contains(admin.email(), technician.email(), "\"role\":\"lab_tech\"",
                "\"full_name\":\"Colleague\"").doesNotContain("password");
        assertError(api.as(technician).get("/api/v1/tenants/" + admin.tenantId() + "/users"), 403);
        assertError(api.anonymous().get("/api/v1/tenants/" + admin.tenantId() + "/users"), 401);
    }

    @Test
    void theUsersOfTheTenantAreWindowedInEmailOrder() {
        Member admin = api.bootstrap();
        Member viewer = api.addUser(admin, Role.VIEWER);
        Member biller = api.addUser(admin, Role.BILLING);
        api.bootstrap();
        List<String> emails = Stream.of(admin, viewer, biller).map(Member::email).sorted().toList();
        String path = "/api/v1/tenants/" + admin.tenantId() + "/users";

        Response window = api.as(admin).get(path + "?limit=2&offset=1");

        assertThat(window.status()).isEqualTo(200);
        assertThat(window.json().valueStream().map(user -> user.get("email").asString()))
                .containsExactlyElementsOf(emails.subList(1, 3));
        assertThat(window.header("X-Total-Count")).isEqualTo("3");
        assertThat(api.as(admin).get(path + "?limit=1").json().get(0).get("email").asString())
                .isEqualTo(emails.get(0));
        assertThat(api.as(admin).get(path + "?offset=3").body()).isEqualTo("[]");
        assertInvalid(api.as(admin).get(path + "?offset=-1"), "[\"query\",\"offset\"]");
    }
}
