package dev.praxis.sample;

import dev.praxis.contracts.security.Role;
import dev.praxis.test.HttpTestClient;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestJwts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a valid RS256 token from praxis-auth for praxis, signed by a published key, is accepted. */
@PraxisServiceTest
class JwtVerificationTest {

    static final UUID USER = UUID.randomUUID();
    static final UUID TENANT = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Test
    void validTokenIsAccepted() {
        Response response = HttpTestClient.onPort(port).bearer(TestJwts.token(USER, TENANT, Role.ADMIN)).get("/widgets/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("tenant_id").asString()).isEqualTo(TENANT.toString());
    }

    @Test
    void tokensNamingUnknownKeysDoNotEachFetchTheKeySet() {
        int before = TestJwts.jwkSetFetches();

        for (int i = 0; i < 20; i++) {
            String madeUpKid = TestJwts.signed(TestJwts.claims(USER, TENANT, Role.ADMIN).header()
                    .keyId("made-up-" + UUID.randomUUID()).and());
            assertThat(HttpTestClient.onPort(port).bearer(madeUpKid).get("/widgets/me").status()).isEqualTo(401);
        }

        assertThat(TestJwts.jwkSetFetches() - before).isLessThanOrEqualTo(2);
        assertThat(HttpTestClient.onPort(port).bearer(TestJwts.token(USER, TENANT, Role.ADMIN)).get("/widgets/me")
                .status()).as("the known key still verifies").isEqualTo(200);
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("expired", TestJwts.expired(USER, TENANT, Role.ADMIN)),
                Arguments.of("wrong signature", TestJwts.signedWithForeignKey(USER, TENANT, Role.ADMIN)),
                Arguments.of("alg none", TestJwts.unsigned(USER, TENANT, Role.ADMIN)),
                Arguments.of("HS256 with the public key", TestJwts.hs256WithPublicKey(USER, TENANT, Role.ADMIN)),
                Arguments.of("unknown kid", TestJwts.unknownKid(USER, TENANT, Role.ADMIN)),
                Arguments.of("wrong issuer", TestJwts.wrongIssuer(USER, TENANT, Role.ADMIN)),
                Arguments.of("wrong audience", TestJwts.wrongAudience(USER, TENANT, Role.ADMIN)),
                Arguments.of("tenant not a uuid", TestJwts.signed(TestJwts.claims(USER, TENANT).claim("tenant_id", "acme"))),
                Arguments.of("no jti", TestJwts.signed(TestJwts.claims(USER, TENANT).id(null))),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void invalidTokensAre401(String description, String token) {
        Response response = HttpTestClient.onPort(port).bearer(token).get("/widgets/me");

        assertThat(response.status()).as(description).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Not authenticated");
        assertThat(response.json().get("request_id").asString()).isNotBlank();
    }
}
