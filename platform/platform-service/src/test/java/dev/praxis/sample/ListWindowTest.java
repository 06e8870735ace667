package dev.praxis.sample;

import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.praxis.sample.ErrorShapesTest.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

/** Celuma lists: a JSON array windowed by {@code limit} and {@code offset}, the total in {@code X-Total-Count}. */
@PraxisServiceTest
class ListWindowTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    TestUser user;
    HttpTestClient http;

    @BeforeEach
    void setUp() {
        user = TestUser.inNewTenant(Role.PRACTITIONER);
        http = HttpTestClient.onPort(port).as(user);
    }

    @Test
    void theDefaultWindowIsTheFirstHundredAndTheHeaderCountsThemAll() {
        insertWidgets(101);

        Response list = http.get("/widgets/array");

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json()).hasSize(100);
        assertThat(list.json().get(0).get("name").asString()).isEqualTo("w000");
        assertThat(list.json().get(99).get("name").asString()).isEqualTo("w099");
        assertThat(list.header("X-Total-Count")).isEqualTo("101");
        assertThat(http.get("/widgets/array?limit=500").json()).hasSize(101);
    }

    @Test
    void limitAndOffsetSliceTheListAnywhere() {
        insertWidgets(3);

        Response window = http.get("/widgets/array?limit=2&offset=1");

        assertThat(window.status()).isEqualTo(200);
        assertThat(names(window)).containsExactly("w001", "w002");
        assertThat(window.header("X-Total-Count")).isEqualTo("3");
        assertThat(names(http.get("/widgets/array?limit=1"))).containsExactly("w000");
        assertThat(http.get("/widgets/array?limit=1").header("X-Total-Count")).isEqualTo("3");
        assertThat(names(http.get("/widgets/array?offset=2"))).containsExactly("w002");

        Response pastTheEnd = http.get("/widgets/array?offset=5");
        assertThat(pastTheEnd.status()).isEqualTo(200);
        assertThat(pastTheEnd.body()).isEqualTo("[]");
        assertThat(pastTheEnd.header("X-Total-Count")).isEqualTo("3");
    }

    @Test
    void anEmptyListIsAnEmptyArrayWithACountOfZero() {
        Response list = http.get("/widgets/array");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("[]");
        assertThat(list.header("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void outOfRangeOrNonIntegerParametersAre422AtTheQueryParameter() {
        assertInvalidQuery(http.get("/widgets/array?limit=0"), "limit", "value_error.number.not_ge");
        assertInvalidQuery(http.get("/widgets/array?limit=501"), "limit", "value_error.number.not_le");
        assertInvalidQuery(http.get("/widgets/array?limit=abc"), "limit", "type_error.integer");
        assertInvalidQuery(http.get("/widgets/array?offset=-1"), "offset", "value_error.number.not_ge");
        assertInvalidQuery(http.get("/widgets/array?offset=99999999999"), "offset", "type_error.integer");

        Response both = http.get("/widgets/array?limit=0&offset=-1");
        assertErrorShape(both, 422);
        assertThat(both.detail()).hasSize(2);
        assertThat(both.detail().get(1).get("loc").toString()).isEqualTo("[\"query\",\"offset\"]");
    }

    private void insertWidgets(int count) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = IntStream.range(0, count)
                .mapToObj(i -> new Object[]{UUID.randomUUID(), user.tenantId(), "w%03d".formatted(i), now})
                .toList();
        jdbc.batchUpdate("insert into widget (id, tenant_id, name, created_at) values (?, ?, ?, ?)", rows);
    }

    private static List<String> names(Response response) {
        return response.json().valueStream().map(widget -> widget.get("name").asString()).toList();
    }

    private static void assertInvalidQuery(Response response, String parameter, String type) {
        assertErrorShape(response, 422);
        assertThat(response.detail()).hasSize(1);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"query\",\"" + parameter + "\"]");
        assertThat(response.detail().get(0).get("type").asString()).isEqualTo(type);
    }
}
