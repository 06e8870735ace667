package dev.praxis.sample;

import dev.praxis.contracts.security.Role;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure Spring can raise answers with {@code {"detail", "request_id"}} and the right status. */
@PraxisServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorShapesTest {

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
    void beanValidationIs422WithLocMsgAndType() {
        Response response = http.post("/widgets", Map.of("name", "", "contact_email", "not-an-email", "quantity", 0));

        assertErrorShape(response, 422);
        assertThat(response.detail()).hasSize(3);
        assertThat(response.body())
                .contains("{\"loc\":[\"body\",\"name\"],")
                .contains("{\"loc\":[\"body\",\"contact_email\"],")
                .contains("\"type\":\"value_error.email\"")
                .contains("{\"loc\":[\"body\",\"quantity\"],")
                .doesNotContain("not-an-email");
    }

    @Test
    void nestedListElementsAreLocatedByIndex() {
        Response response = http.post("/widgets", Map.of("name", "ok", "tags", new String[]{"fine", "far-too-long"}));

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"tags\",1]");
    }

    @Test
    void wrongJsonTypeIs422AtTheField() {
        Response response = http.post("/widgets", "{\"name\":\"ok\",\"quantity\":\"many\"}");

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"quantity\"]");
        assertThat(response.body()).doesNotContain("many");
    }

    @Test
    void aFractionForAnIntegerIs422NotTruncated() {
        Response response = http.post("/widgets", "{\"name\":\"ok\",\"quantity\":1.5}");

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"quantity\"]");
    }

    @Test
    void aNumberTooLargeForItsFieldIs422AtTheField() {
        Response response = http.post("/widgets", "{\"name\":\"ok\",\"quantity\":99999999999}");

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"quantity\"]");
    }

    @Test
    void aDatetimeIsTextNeverANumberOrAnArray() {
        for (String value : List.of("1700000000", "1.7e9", "\"1700000000\"", "\" -1 \"", "\".5\"", "[2025,10,1,10,0]",
                "true")) {
            Response response = http.post("/widgets", "{\"name\":\"ok\",\"starts_at\":" + value + "}");

            assertErrorShape(response, 422);
            assertThat(response.detail().get(0).get("loc").toString()).as(value).isEqualTo("[\"body\",\"starts_at\"]");
        }
        assertThat(http.post("/widgets", Map.of("name", "timed-" + UUID.randomUUID(), "starts_at",
                "2025-10-01T10:00:00+02:00")).status()).isEqualTo(201);
    }

    @Test
    void datetimeWithoutOffsetIs422() {
        Response response = http.post("/widgets", Map.of("name", "ok", "starts_at", "2025-10-01T10:00:00"));

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"starts_at\"]");
    }

    @Test
    void aJsonTypeIsNeverCoercedIntoAnother() {
        Response enumByPosition = http.post("/widgets", "{\"name\":\"ok\",\"finish\":0}");
        assertErrorShape(enumByPosition, 422);
        assertThat(enumByPosition.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"finish\"]");

        Response numberForText = http.post("/widgets", "{\"name\":1}");
        assertErrorShape(numberForText, 422);
        assertThat(numberForText.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"name\"]");

        Response textForBoolean = http.post("/widgets", "{\"name\":\"ok\",\"fragile\":\"false\"}");
        assertErrorShape(textForBoolean, 422);
        assertThat(textForBoolean.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"fragile\"]");

        assertThat(http.post("/widgets", "{\"name\":\"typed-" + UUID.randomUUID()
                + "\",\"finish\":\"GLOSS\",\"fragile\":false}").status()).isEqualTo(201);
    }

    @Test
    void textThatIsNotValidUnicodeIs422AndAnEmojiIsFine() {
        Response broken = http.post("/widgets", "{\"name\":\"ab\\ud800cd\"}");
        assertErrorShape(broken, 422);
        assertThat(broken.detail().get(0).get("loc").toString()).isEqualTo("[\"body\",\"name\"]");
        assertThat(http.post("/widgets", "{\"name\":\"ok\",\"tags\":[\"\\udc00\"]}").status())
                .as("in a list too").isEqualTo(422);

        Response emoji = http.post("/widgets", "{\"name\":\"smile \\ud83d\\ude00 " + UUID.randomUUID() + "\"}");
        assertThat(emoji.status()).as(emoji.toString()).isEqualTo(201);
        assertThat(emoji.json().get("name").asString()).startsWith("smile \uD83D\uDE00");
    }

    @Test
    void aYamlBodyIs415AndNoAnswerIsYaml() {
        Response yaml = http.send("POST", "/widgets", "application/yaml",
                "name: from-yaml\n".getBytes(StandardCharsets.UTF_8));
        assertErrorShape(yaml, 415);

        Response asked = http.header("Accept", "application/yaml").get("/widgets/" + UUID.randomUUID());
        assertThat(asked.header("Content-Type")).doesNotContain("yaml");
    }

    @Test
    void aRequestThatAcceptsNoJsonIs406BeforeAnythingIsStored() {
        String name = "xml-" + UUID.randomUUID();
        Response refused = http.header("Accept", "application/xml").post("/widgets", Map.of("name", name));
        assertErrorShape(refused, 406);
        assertThat(http.header("Accept", "application/json;q=0, text/html").post("/widgets", Map.of("name", name))
                .status()).isEqualTo(406);
        assertThat(http.header("Accept", "not a media type").post("/widgets", Map.of("name", name)).status())
                .isEqualTo(406);
        assertThat(http.header("Accept", "application/json;q=0, */*").post("/widgets", Map.of("name", name))
                .status()).as("ruled out by name").isEqualTo(406);
        assertThat(jdbc.queryForObject("select count(*) from widget where name = ?", Long.class, name))
                .as("nothing stored").isZero();

        assertThat(http.header("Accept", "text/html, application/json;q=0.5").post("/widgets", Map.of("name", name))
                .status()).isEqualTo(201);
        assertThat(http.header("Accept", "*/*").get("/widgets").status()).isEqualTo(200);
        assertThat(http.header("Accept", "application/*").get("/widgets").status()).isEqualTo(200);
        assertThat(http.header("Accept", "").get("/widgets").status()).as("an empty Accept").isEqualTo(200);
        assertThat(http.header("Accept", "application/problem+json").get("/widgets").status())
                .as("JSON by another name").isEqualTo(200);
    }

    @Test
    void headersTheGatewayForwardsAreAccepted() {
        // The gateway takes up to 16 KB of headers and adds its own.
        Response response = http.header("X-Large", "x".repeat(20 * 1024)).get("/widgets/" + UUID.randomUUID());

        assertErrorShape(response, 404);
    }

    @Test
    void malformedJsonIs400() {
        Response response = http.post("/widgets", "{\"name\": ");

        assertErrorShape(response, 400);
        assertThat(response.detail().asString()).isEqualTo("Malformed JSON body");
    }

    @Test
    void missingBodyIs422() {
        Response response = http.send("POST", "/widgets", "application/json", new byte[0]);

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\"]");
    }

    @Test
    void pathVariableThatIsNotAUuidIs422() {
        Response response = http.get("/widgets/not-a-uuid");

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"path\",\"widgetId\"]");
        assertThat(response.detail().get(0).get("msg").asString()).contains("UUID");
    }

    @Test
    void missingAndInvalidQueryParametersAre422() {
        Response missing = http.get("/widgets/search");
        assertErrorShape(missing, 422);
        assertThat(missing.detail().get(0).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");

        Response tooLarge = http.get("/widgets/search?limit=501");
        assertErrorShape(tooLarge, 422);
        assertThat(tooLarge.detail().get(0).get("loc").toString()).isEqualTo("[\"query\",\"limit\"]");
    }

    @Test
    void anEmptyTypedQueryParameterIs422NotAMissingFilter() {
        Response empty = http.get("/widgets/filtered?owner_id=&is_active=&since=%E2%80%83&name=");

        assertErrorShape(empty, 422);
        assertThat(empty.detail()).hasSize(3);
        assertThat(empty.detail().get(0).get("loc").toString()).isEqualTo("[\"query\",\"owner_id\"]");
        assertThat(empty.detail().get(0).get("msg").asString()).isEqualTo("Input should be a valid UUID");
        assertThat(empty.detail().get(1).get("loc").toString()).isEqualTo("[\"query\",\"is_active\"]");
        assertThat(empty.detail().get(1).get("msg").asString()).isEqualTo("Input should be a valid boolean");
        assertThat(empty.detail().get(2).get("loc").toString()).isEqualTo("[\"query\",\"since\"]");
        assertThat(empty.detail().get(2).get("type").asString()).isEqualTo("type_error");

        Response text = http.get("/widgets/filtered?name=");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.json().get("name").asString()).isEmpty();
        assertThat(text.json().get("owner_id").asString()).isEqualTo("null");
        assertThat(text.json().get("is_active").asBoolean()).isTrue();

        assertThat(http.get("/widgets/filtered?owner_id=" + user.userId()).json().get("owner_id").asString())
                .isEqualTo(user.userId().toString());
        assertThat(http.header("Accept", "application/xml").get("/widgets/filtered?owner_id=").status())
                .as("not acceptable comes first").isEqualTo(406);

        for (String query : new String[] {"/widgets?page=", "/widgets?page_size=%20", "/widgets/array?limit=",
                "/widgets/array?offset=", "/widgets/search?limit="}) {
            Response response = http.get(query);
            assertErrorShape(response, 422);
            String parameter = query.substring(query.indexOf('?') + 1, query.indexOf('='));
            assertThat(response.detail().get(0).get("loc").toString()).as(query)
                    .isEqualTo("[\"query\",\"" + parameter + "\"]");
            assertThat(response.detail().get(0).get("msg").asString()).as(query).startsWith("Input should be a valid");
        }
    }

    @Test
    void unknownRouteIs404() {
        Response response = http.get("/no/such/route");

        assertErrorShape(response, 404);
        assertThat(response.detail().asString()).isEqualTo("Not Found");
    }

    @Test
    void noFileIsServedFromTheClasspath() {
        // src/test/resources/static/classpath-probe.txt: Spring Boot's default resource mapping would serve it.
        Response response = http.get("/classpath-probe.txt");

        assertErrorShape(response, 404);
        assertThat(response.detail().asString()).isEqualTo("Not Found");
    }

    @Test
    void absentResourceIs404() {
        assertErrorShape(http.get("/widgets/" + UUID.randomUUID()), 404);
    }

    @Test
    void wrongMethodIs405() {
        Response response = http.put("/widgets/search", Map.of());

        assertErrorShape(response, 405);
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void wrongMediaTypeIs415() {
        Response response = http.send("POST", "/widgets", "text/plain", "name=x".getBytes(StandardCharsets.UTF_8));

        assertErrorShape(response, 415);
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] big = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertErrorShape(http.send("POST", "/widgets", "application/json", big), 413);
    }

    @Test
    void uploadOverTheLimitIs413() {
        String boundary = "praxis-boundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(70 * 1024) + "\r\n--" + boundary + "--\r\n";

        Response response = http.send("POST", "/widgets/upload", "multipart/form-data; boundary=" + boundary,
                part.getBytes(StandardCharsets.UTF_8));

        assertErrorShape(response, 413);
    }

    @Test
    void dataIntegrityViolationIs409AndTheRefusedValueIsNeitherAnsweredNorLogged(CapturedOutput output) {
        String name = "unique-" + UUID.randomUUID();
        assertThat(http.post("/widgets", Map.of("name", name)).status()).isEqualTo(201);

        Response duplicate = http.post("/widgets", Map.of("name", name));

        assertErrorShape(duplicate, 409);
        assertThat(duplicate.body()).doesNotContain(name).doesNotContain("widget_name_unique");
        assertThat(output.getAll()).contains("SQLState 23505").doesNotContain(name);
    }

    @Test
    void aValueTheDatabaseCannotStoreIs422() {
        Response response = http.post("/widgets", Map.of("name", "nul\u0000char"));

        assertErrorShape(response, 422);
        assertThat(response.detail().get(0).get("loc").toString()).isEqualTo("[\"body\"]");
        assertThat(response.detail().get(0).get("type").asString()).isEqualTo("value_error");
    }

    @Test
    void aQueryStringThatIsNotUtf8Is400() {
        Response response = http.get("/widgets?page=%FF");

        assertErrorShape(response, 400);
        assertThat(response.detail().asString()).isEqualTo("Malformed request");
    }

    @Test
    void errorsAnswerJsonWhateverTheRequestAccepts() {
        HttpTestClient html = http.header("Accept", "text/html");

        assertErrorShape(html.get("/no-such-route"), 404);
        assertErrorShape(html.delete("/widgets/" + UUID.randomUUID()), 403);
        assertErrorShape(html.get("/widgets/" + UUID.randomUUID()), 406);
        assertErrorShape(html.post("/widgets", Map.of("name", "", "contact_email", "jane.doe@example")), 406);
    }

    @Test
    void unexpectedFailureIsABare500WithoutDetails() {
        Response response = http.get("/widgets/explode");

        assertErrorShape(response, 500);
        assertThat(response.detail().asString()).isEqualTo("Internal server error");
        assertThat(response.body()).doesNotContain("Jane").doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void aDatabaseOutOfReachIs503UnderAnyWrapper() {
        Response response = http.get("/widgets/connection-lost");

        assertErrorShape(response, 503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void missingTokenIs401AndWrongRoleIs403() {
        Response anonymous = HttpTestClient.onPort(port).get("/widgets");
        assertErrorShape(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");

        UUID someWidget = UUID.fromString(http.post("/widgets", Map.of("name", "to-delete")).json().get("id").asString());
        assertErrorShape(http.delete("/widgets/" + someWidget), 403);
        TestUser admin = user.colleague(Role.ADMIN);
        assertThat(HttpTestClient.onPort(port).as(admin).delete("/widgets/" + someWidget).status()).isEqualTo(204);
    }

    @Test
    void anotherTenantsResourceIs404() {
        String id = http.post("/widgets", Map.of("name", "mine")).json().get("id").asString();

        Response stranger = HttpTestClient.onPort(port).as(TestUser.inNewTenant(Role.ADMIN)).get("/widgets/" + id);

        assertErrorShape(stranger, 404);
    }

    @Test
    void saneRequestIdIsEchoedAndAnInsaneOneReplaced() {
        Response echoed = http.header("X-Request-ID", "abc-123.XYZ").get("/widgets/" + UUID.randomUUID());
        assertThat(echoed.header("X-Request-ID")).isEqualTo("abc-123.XYZ");
        assertThat(echoed.json().get("request_id").asString()).isEqualTo("abc-123.XYZ");

        Response replaced = http.header("X-Request-ID", "evil id\twith spaces").get("/widgets");
        assertThat(replaced.header("X-Request-ID")).isNotBlank().doesNotContain(" ");

        Response unauthenticated = HttpTestClient.onPort(port).header("X-Request-ID", "req-401").get("/widgets");
        assertThat(unauthenticated.json().get("request_id").asString()).isEqualTo("req-401");
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        Response ok = http.get("/widgets");
        Response unauthenticated = HttpTestClient.onPort(port).get("/widgets");

        for (Response response : new Response[]{ok, unauthenticated}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void paginationFollowsThePazPazRules() {
        for (int i = 0; i < 3; i++) {
            http.post("/widgets", Map.of("name", "w" + i));
        }
        Response page = http.get("/widgets?page=2&page_size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("total").asLong()).isEqualTo(3);
        assertThat(page.json().get("page").asInt()).isEqualTo(2);
        assertThat(page.json().get("page_size").asInt()).isEqualTo(2);
        assertThat(page.json().get("total_pages").asInt()).isEqualTo(2);

        assertThat(http.get("/widgets?page=9").json().get("items")).isEmpty();
        Response last = http.get("/widgets?page_size=50&page=" + PageQuery.maxPage(50));
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("items")).isEmpty();
        assertThat(http.get("/widgets").json().get("page_size").asInt()).isEqualTo(50);

        for (String bad : new String[]{"page=0", "page_size=0", "page_size=101", "page=abc",
                "page_size=50&page=" + (PageQuery.maxPage(50) + 1), "page=" + Integer.MAX_VALUE}) {
            Response response = http.get("/widgets?" + bad);
            assertErrorShape(response, 422);
            assertThat(response.detail().get(0).get("loc").get(0).asString()).isEqualTo("query");
        }
    }

    @Test
    void currentUserComesFromTheTokenNotFromHeaders() {
        Response response = http.header("X-Tenant-ID", UUID.randomUUID().toString())
                .header("X-User-ID", UUID.randomUUID().toString()).get("/widgets/me");

        assertThat(response.json().get("tenant_id").asString()).isEqualTo(user.tenantId().toString());
        assertThat(response.json().get("user_id").asString()).isEqualTo(user.userId().toString());
    }

    @Test
    void incomingW3cTraceContextIsContinued() {
        Response response = http.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .get("/widgets/me");

        assertThat(response.json().get("trace_id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    static void assertErrorShape(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().has("detail")).as(response.body()).isTrue();
        assertThat(response.json().get("request_id").asString()).isNotBlank()
                .isEqualTo(response.header("X-Request-ID"));
    }
}
