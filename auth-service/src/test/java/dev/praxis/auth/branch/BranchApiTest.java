package dev.praxis.auth.branch;

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

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.praxis.auth.AuthApi.uniqueEmail;
import static dev.praxis.auth.Responses.assertError;
import static dev.praxis.auth.Responses.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/** Celuma branches: {@code admin} creates, every role of the tenant reads, {@code admin} lists a branch's users. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class BranchApiTest {

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
    void anAdminCreatesABranchAndEveryRoleReadsIt() {
        Member admin = api.bootstrap();
        Member viewer = api.addUser(admin, Role.VIEWER);
        Map<String, Object> body = new HashMap<>(Map.of("tenant_id", admin.tenantId().toString(), "code", "MAIN",
                "name", "Main Branch", "timezone", "America/Mexico_City", "address_line1", "Av. Reforma 123",
                "address_line2", "Piso 4", "city", "Mexico City", "state", "CDMX", "postal_code", "06000",
                "country", "MX"));
        body.put("is_active", true);
        try (KafkaProbe events = KafkaProbe.open(Topics.AUTH)) {
            Response created = api.as(admin).post("/api/v1/branches/", body);

            assertThat(created.status()).as(created.toString()).isEqualTo(200);
            String id = created.json().get("id").asString();
            assertThat(created.body()).isEqualTo("{\"id\":\"" + id + "\",\"code\":\"MAIN\",\"name\":\"Main Branch\","
                    + "\"tenant_id\":\"" + admin.tenantId() + "\"}");
            EventEnvelope event = events.awaitEvent(e -> e.eventType().equals("branch.created")
                    && id.equals(e.resourceId()));
            assertThat(event.action()).isEqualTo(Action.CREATE);
            assertThat(event.tenantId()).isEqualTo(admin.tenantId());

            Response details = api.as(viewer).get("/api/v1/branches/" + id);
            assertThat(details.status()).isEqualTo(200);
            assertThat(details.body()).isEqualTo("{\"id\":\"" + id + "\",\"code\":\"MAIN\",\"name\":\"Main Branch\","
                    + "\"timezone\":\"America/Mexico_City\",\"address_line1\":\"Av. Reforma 123\","
                    + "\"address_line2\":\"Piso 4\",\"city\":\"Mexico City\",\"state\":\"CDMX\","
                    + "\"postal_code\":\"06000\",\"country\":\"MX\",\"is_active\":true,"
                    + "\"tenant_id\":\"" + admin.tenantId() + "\"}");
        }
    }

    @Test
    void tenantAndTimezoneAndActivityHaveDefaults() {
        Member admin = api.bootstrap();

        Response created = api.as(admin).post("/api/v1/branches", Map.of("code", "LAB-2", "name", "Second Lab"));

        assertThat(created.status()).isEqualTo(200);
        Response details = api.as(admin).get("/api/v1/branches/" + created.json().get("id").asString());
        assertThat(details.json().get("tenant_id").asString()).isEqualTo(admin.tenantId().toString());
        assertThat(details.json().get("timezone").asString()).isEqualTo("UTC");
        assertThat(details.json().get("is_active").asBoolean()).isTrue();
    }

    @Test
    void theCodeIsUniqueWithinATenantWhateverItsCase() {
        Member admin = api.bootstrap();
        Member other = api.bootstrap();
        api.as(admin).post("/api/v1/branches/", Map.of("code", "MAIN", "name", "Main"));

        assertError(api.as(admin).post("/api/v1/branches/", Map.of("code", "MAIN", "name", "Again")), 409);
        assertError(api.as(admin).post("/api/v1/branches/", Map.of("code", "main", "name", "Again")), 409);
        assertThat(api.as(other).post("/api/v1/branches/", Map.of("code", "MAIN", "name", "Theirs")).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from branch where tenant_id = ?", Integer.class,
                admin.tenantId())).isEqualTo(1);
    }

    @Test
    void onlyAdminsCreateBranches() {
        Member admin = api.bootstrap();
        for (Role role : new Role[]{Role.VIEWER, Role.LAB_TECH, Role.PATHOLOGIST}) {
            Member member = api.addUser(admin, role);
            assertError(api.as(member).post("/api/v1/branches/", Map.of("code", "X" + role.ordinal(), "name", "X")),
                    403);
        }
        assertError(api.anonymous().post("/api/v1/branches/", Map.of("code", "ANON", "name", "X")), 401);
        assertThat(jdbc.queryForObject("select count(*) from branch where tenant_id = ?", Integer.class,
                admin.tenantId())).isZero();
    }

    @Test
    void aTenantIdInTheBodyMustBeTheCallers() {
        Member admin = api.bootstrap();
        Member other = api.bootstrap();

        Response refused = assertError(api.as(admin).post("/api/v1/branches/",
                Map.of("tenant_id", other.tenantId().toString(), "code", "MAIN", "name", "Main")), 403);

        assertThat(refused.detail().asString()).isEqualTo("tenant_id does not belong to your tenant");
        assertThat(jdbc.queryForObject("select count(*) from branch where tenant_id in (?, ?)", Integer.class,
                admin.tenantId(), other.tenantId())).isZero();
    }

    @Test
    void invalidBranchesAre422() {
        Member admin = api.bootstrap();

        assertInvalid(api.as(admin).post("/api/v1/branches/", Map.of("name", "No code")), "[\"body\",\"code\"]");
        assertInvalid(api.as(admin).post("/api/v1/branches/", Map.of("code", "NONAME")), "[\"body\",\"name\"]");
        assertInvalid(api.as(admin).post("/api/v1/branches/", Map.of("code", "has space", "name", "X")),
                "[\"body\",\"code\"]");
        assertInvalid(api.as(admin).post("/api/v1/branches/",
                Map.of("code", "TZ", "name", "X", "timezone", "Mars/Olympus")), "[\"body\",\"timezone\"]");
    }

    @Test
    void listsAndReadsShowOnlyTheCallersBranches() {
        Member admin = api.bootstrap();
        Member technician = api.addUser(admin, Role.LAB_TECH);
        Member other = api.bootstrap();
        api.as(admin).post("/api/v1/branches/", Map.of("code", "B", "name", "Second"));
        api.as(admin).post("/api/v1/branches/", Map.of("code", "A", "name", "First"));
        String theirs = api.as(other).post("/api/v1/branches/", Map.of("code", "A", "name", "Theirs"))
                .json().get("id").asString();

        for (String path : new String[]{"/api/v1/branches/", "/api/v1/branches"}) {
            Response list = api.as(technician).get(path);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json()).hasSize(2);
            assertThat(list.json().get(0).get("code").asString()).isEqualTo("A");
            assertThat(list.header("X-Total-Count")).isEqualTo("2");
            assertThat(list.body()).doesNotContain(theirs);
        }
        Response ofTenant = api.as(technician).get("/api/v1/tenants/" + admin.tenantId() + "/branches");
        assertThat(ofTenant.json()).hasSize(2);
        assertThat(ofTenant.header("X-Total-Count")).isEqualTo("2");
        assertThat(ofTenant.json().get(0).properties()).hasSize(3);
        assertThat(ofTenant.json().get(0).get("name").asString()).isEqualTo("First");

        assertError(api.as(admin).get("/api/v1/branches/" + theirs), 404);
        assertError(api.as(admin).get("/api/v1/branches/" + UUID.randomUUID()), 404);
        assertError(api.anonymous().get("/api/v1/branches/"), 401);
        assertError(api.anonymous().get("/api/v1/branches/" + theirs), 401);
    }

    @Test
    void branchListsAreWindowedInCodeOrder() {
        Member admin = api.bootstrap();
        Member viewer = api.addUser(admin, Role.VIEWER);
        for (String code : new String[]{"C", "A", "B"}) {
            api.createBranch(admin, code);
        }
        api.createBranch(api.bootstrap(), "AA");
        String ofTenant = "/api/v1/tenants/" + admin.tenantId() + "/branches";

        Response window = api.as(viewer).get("/api/v1/branches/?limit=2&offset=1");
        assertThat(window.status()).isEqualTo(200);
        assertThat(codes(window)).containsExactly("B", "C");
        assertThat(window.header("X-Total-Count")).isEqualTo("3");
        Response first = api.as(viewer).get("/api/v1/branches?limit=1");
        assertThat(codes(first)).containsExactly("A");
        assertThat(first.header("X-Total-Count")).isEqualTo("3");

        Response ofTenantWindow = api.as(viewer).get(ofTenant + "?limit=1&offset=2");
        assertThat(codes(ofTenantWindow)).containsExactly("C");
        assertThat(ofTenantWindow.header("X-Total-Count")).isEqualTo("3");
        Response pastTheEnd = api.as(viewer).get(ofTenant + "?offset=3");
        assertThat(pastTheEnd.body()).isEqualTo("[]");
        assertThat(pastTheEnd.header("X-Total-Count")).isEqualTo("3");

        assertInvalid(api.as(viewer).get("/api/v1/branches/?limit=0"), "[\"query\",\"limit\"]");
        assertInvalid(api.as(viewer).get(ofTenant + "?limit=abc"), "[\"query\",\"limit\"]");
    }

    @Test
    void anAdminListsTheUsersOfABranchInEmailOrder() {
        Member admin = api.bootstrap();
        UUID main = api.createBranch(admin, "MAIN");
        UUID north = api.createBranch(admin, "NORTH");
        UUID empty = api.createBranch(admin, "EMPTY");
        String first = register(admin, "a-" + UUID.randomUUID() + "@example.test", main);
        String second = register(admin, "b-" + UUID.randomUUID() + "@example.test", main);
        String moved = register(admin, "c-" + UUID.randomUUID() + "@example.test", null);
        String elsewhere = register(admin, "d-" + UUID.randomUUID() + "@example.test", north);
        assertThat(api.as(admin).put("/api/v1/users/" + moved, Map.of("branch_id", main.toString())).status())
                .isEqualTo(200);

        Response users = api.as(admin).get("/api/v1/branches/" + main + "/users");

        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(ids(users)).containsExactly(first, second, moved);
        assertThat(users.header("X-Total-Count")).isEqualTo("3");
        assertThat(users.json().get(0).get("email").asString()).startsWith("a-");
        assertThat(users.json().get(0).get("role").asString()).isEqualTo("viewer");
        assertThat(users.json().get(0).get("branch_id").asString()).isEqualTo(main.toString());
        assertThat(users.body()).doesNotContain("password").doesNotContain(admin.userId().toString());

        Response window = api.as(admin).get("/api/v1/branches/" + main + "/users?limit=1&offset=1");
        assertThat(ids(window)).containsExactly(second);
        assertThat(window.header("X-Total-Count")).isEqualTo("3");
        assertThat(ids(api.as(admin).get("/api/v1/branches/" + north + "/users"))).containsExactly(elsewhere);
        Response none = api.as(admin).get("/api/v1/branches/" + empty + "/users");
        assertThat(none.body()).isEqualTo("[]");
        assertThat(none.header("X-Total-Count")).isEqualTo("0");
        assertInvalid(api.as(admin).get("/api/v1/branches/" + main + "/users?offset=x"), "[\"query\",\"offset\"]");
    }

    @Test
    void theUsersOfABranchAreForItsTenantsAdminsOnly() {
        Member admin = api.bootstrap();
        UUID branch = api.createBranch(admin, "MAIN");
        register(admin, uniqueEmail(), branch);
        Member stranger = api.bootstrap();
        String path = "/api/v1/branches/" + branch + "/users";

        assertError(api.as(stranger).get(path), 404);
        assertError(api.as(admin).get("/api/v1/branches/" + UUID.randomUUID() + "/users"), 404);
        for (Role role : Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN).toList()) {
            assertError(api.as(api.addUser(admin, role)).get(path), 403);
        }
        assertError(api.anonymous().get(path), 401);
        assertInvalid(api.as(admin).get("/api/v1/branches/not-a-uuid/users"), "[\"path\",\"branch_id\"]");
    }

    /** Registers a viewer (in this branch when one is given) and returns its id. */
    private String register(Member admin, String email, UUID branchId) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", AuthApi.PASSWORD));
        if (branchId != null) {
            body.put("branch_id", branchId.toString());
        }
        Response registered = api.as(admin).post("/api/v1/auth/register", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        return registered.json().get("id").asString();
    }

    private static List<String> codes(Response response) {
        return response.json().valueStream().map(branch -> branch.get("code").asString()).toList();
    }

    private static List<String> ids(Response response) {
        return response.json().valueStream().map(user -> user.get("id").asString()).toList();
    }
}
