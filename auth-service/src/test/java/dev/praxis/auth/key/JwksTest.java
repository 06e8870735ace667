package dev.praxis.auth.key;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthProperties;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.test.HttpTestClient.Response;
import dev.praxis.test.PraxisServiceTest;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /.well-known/jwks.json} (public) and how the keys behind it are kept. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class JwksTest {

    @LocalServerPort
    int port;
    @Autowired
    KeyRing ring;
    @Autowired
    KeyRotation rotation;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuthProperties properties;

    AuthApi api;

    @BeforeEach
    void setUp() {
        api = new AuthApi(port);
    }

    @Test
    void publishesPublicRs256KeysThatVerifyIssuedTokens() throws GeneralSecurityException {
        Member member = api.bootstrap();

        Response jwks = api.anonymous().get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").size()).isBetween(1, 2);
        for (JsonNode key : jwks.json().get("keys")) {
            assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "kid", "use", "alg", "n", "e");
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
        }
        String kid = TokenParts.header(member.token()).get("kid").asString();
        JsonNode signer = jwks.json().get("keys").get(0);
        assertThat(signer.get("kid").asString()).isEqualTo(kid);

        Claims claims = Jwts.parser().verifyWith(publicKey(signer)).build()
                .parseSignedClaims(member.token()).getPayload();
        assertThat(claims.getSubject()).isEqualTo(member.userId().toString());
    }

    @Test
    void thePrivateKeyIsStoredEncryptedWithTheKeyEncryptionKey() {
        SigningKey current = ring.signingKey();

        byte[] stored = jdbc.queryForObject("select private_key from signing_key where kid = ?", byte[].class,
                current.kid());

        byte[] plain = current.privateKey().getEncoded();
        assertThat(stored).isNotNull();
        assertThat(indexOf(stored, Arrays.copyOfRange(plain, 0, 64))).isNegative();
        KeyEncryption configured = KeyEncryption.fromBase64(properties.keyEncryptionKey());
        assertThat(configured.decrypt(stored, current.kid())).isEqualTo(plain);
    }

    @Test
    void theKeyIsKeptAcrossRestarts() {
        String before = ring.signingKey().kid();

        ring.reload();

        assertThat(ring.signingKey().kid()).isEqualTo(before);
        assertThat(rotation.rotateIfDue()).as("a young key is not rotated").isEqualTo(before);
    }

    private static PublicKey publicKey(JsonNode jwk) throws GeneralSecurityException {
        Base64.Decoder url = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, url.decode(jwk.get("n").asString())),
                new BigInteger(1, url.decode(jwk.get("e").asString()))));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
