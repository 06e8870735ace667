package dev.praxis.test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.security.TokenClaims;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Test access tokens shaped like auth-service's (RS256, {@code kid}, Praxis claims), signed with a test key whose public
 * half is served as a JWK set by a WireMock server; and the malformed tokens a verifier must refuse.
 */
public final class TestJwts {

    public static final String KEY_ID = "test-key-1";

    private static final KeyPair SIGNING_KEY = newRsaKey();
    private static final KeyPair FOREIGN_KEY = newRsaKey();
    private static WireMockServer jwkServer;

    private TestJwts() {
    }

    /** The JWK set URL a service under test should verify against. */
    public static synchronized String jwkSetUri() {
        if (jwkServer == null) {
            jwkServer = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            jwkServer.start();
            jwkServer.stubFor(get(urlEqualTo(TokenClaims.JWKS_PATH)).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(jwkSetJson())));
            Runtime.getRuntime().addShutdownHook(new Thread(jwkServer::stop, "stop-test-jwks"));
        }
        return jwkServer.baseUrl() + TokenClaims.JWKS_PATH;
    }

    /** How many times the JWK set has been fetched so far, by every verifier in this test JVM. */
    public static synchronized int jwkSetFetches() {
        jwkSetUri();
        return jwkServer.countRequestsMatching(getRequestedFor(urlEqualTo(TokenClaims.JWKS_PATH)).build()).getCount();
    }

    public static String jwkSetJson() {
        RSAPublicKey key = (RSAPublicKey) SIGNING_KEY.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return """
                {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, url.encodeToString(unsigned(key.getModulus().toByteArray())),
                        url.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
    }

    /** A valid token for this user. */
    public static String token(UUID userId, UUID tenantId, Role... roles) {
        return claims(userId, tenantId, roles).signWith(SIGNING_KEY.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** Claims as auth-service sets them, before signing: tests alter them to make invalid tokens. */
    public static JwtBuilder claims(UUID userId, UUID tenantId, Role... roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(KEY_ID).and()
                .issuer(TokenClaims.ISSUER)
                .audience().add(TokenClaims.AUDIENCE).and()
                .subject(userId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(30))))
                .claim(TokenClaims.TENANT_ID, tenantId.toString())
                .claim(TokenClaims.WORKSPACE_ID, tenantId.toString())
                .claim(TokenClaims.EMAIL, "user-" + userId.toString().substring(0, 8) + "@example.test")
                .claim(TokenClaims.ROLES, Arrays.stream(roles).map(Role::value).toList());
    }

    public static String signed(JwtBuilder claims) {
        return claims.signWith(SIGNING_KEY.getPrivate(), Jwts.SIG.RS256).compact();
    }

    public static String expired(UUID userId, UUID tenantId, Role... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return signed(claims(userId, tenantId, roles).issuedAt(Date.from(past))
                .expiration(Date.from(past.plus(Duration.ofMinutes(30)))));
    }

    /** Right claims and {@code kid}, signed by a key that is not in the JWK set. */
    public static String signedWithForeignKey(UUID userId, UUID tenantId, Role... roles) {
        return claims(userId, tenantId, roles).signWith(FOREIGN_KEY.getPrivate(), Jwts.SIG.RS256).compact();
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(UUID userId, UUID tenantId, Role... roles) {
        return claims(userId, tenantId, roles).compact();
    }

    /** The classic key-confusion attack: HS256 with the RSA public key as the HMAC secret. */
    public static String hs256WithPublicKey(UUID userId, UUID tenantId, Role... roles) {
        return claims(userId, tenantId, roles)
                .signWith(Keys.hmacShaKeyFor(SIGNING_KEY.getPublic().getEncoded()), Jwts.SIG.HS256).compact();
    }

    public static String unknownKid(UUID userId, UUID tenantId, Role... roles) {
        return claims(userId, tenantId, roles).header().keyId("no-such-key").and()
                .signWith(FOREIGN_KEY.getPrivate(), Jwts.SIG.RS256).compact();
    }

    public static String wrongIssuer(UUID userId, UUID tenantId, Role... roles) {
        return signed(claims(userId, tenantId, roles).issuer("someone-else"));
    }

    public static String wrongAudience(UUID userId, UUID tenantId, Role... roles) {
        return signed(claims(userId, tenantId, roles).audience().single("another-api"));
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static KeyPair newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
