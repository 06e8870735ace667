package dev.praxis.auth.key;

import dev.praxis.auth.AuthApi;
import dev.praxis.auth.AuthProperties;
import dev.praxis.auth.AuthTestConfiguration;
import dev.praxis.auth.Member;
import dev.praxis.auth.TokenParts;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.test.PraxisServiceTest;
import dev.praxis.test.TestClock;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.praxis.auth.Responses.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys rotate when older than {@code praxis.auth.key-rotation-period}; the previous public key stays published. */
@PraxisServiceTest
@Import(AuthTestConfiguration.class)
class KeyRotationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    KeyRotation rotation;
    @Autowired
    KeyRing ring;
    @Autowired
    StoredSigningKeyRepository keys;
    @Autowired
    AuthProperties properties;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

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
    void anOldKeyIsReplacedAndStaysPublishedUntilTheNextRotation() {
        Member member = api.bootstrap();
        String first = kid(member.token());

        clock.advance(Duration.ofDays(89));
        assertThat(rotation.rotateIfDue()).isEqualTo(first);
        clock.advance(Duration.ofDays(2));
        String second = rotation.rotateIfDue();
        clock.reset();

        assertThat(second).isNotEqualTo(first);
        assertThat(publishedKids()).containsExactly(second, first);
        assertThat(api.as(member).get("/api/v1/auth/me").status()).as("tokens of the previous key").isEqualTo(200);
        Member renewed = api.relogin(member);
        assertThat(kid(renewed.token())).isEqualTo(second);
        assertThat(api.as(renewed).get("/api/v1/auth/me").status()).isEqualTo(200);

        String third = rotation.rotateNow();

        assertThat(publishedKids()).containsExactly(third, second);
        assertError(api.as(member).get("/api/v1/auth/me"), 401);
        assertThat(api.as(renewed).get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void replicasDueAtOnceActivateOneNewKeyBetweenThem() throws Exception {
        KeyCustody custody = KeyCustody.from(properties);
        KeyRotation otherReplica = new KeyRotation(keys, custody, new KeyRing(keys, custody, clock), properties, clock,
                transactions, jdbc);
        Instant newestActivation = keys.findFirstByOrderByActivationDesc().orElseThrow().getActivatedAt();
        Instant due = (newestActivation.isAfter(clock.instant()) ? newestActivation : clock.instant())
                .plus(properties.keyRotationPeriod()).plus(Duration.ofDays(1));
        clock.advance(Duration.between(clock.instant(), due));
        long before = keys.count();

        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> ours = () -> {
            together.await();
            return rotation.rotateIfDue();
        };
        Callable<String> theirs = () -> {
            together.await();
            return otherReplica.rotateIfDue();
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> kids = replicas.invokeAll(List.of(ours, theirs), 60, TimeUnit.SECONDS);

            assertThat(keys.count()).as("one new key, not one per replica").isEqualTo(before + 1);
            assertThat(kids.get(0).get()).isEqualTo(kids.get(1).get());
        } finally {
            replicas.shutdownNow();
            // Later tests expect the newest key activated now, not at this test's clock.
            clock.reset();
            rotation.rotateNow();
        }
    }

    @Test
    void aPemFileKeyIsActivatedAndKeepsThePreviousKeyPublished(@TempDir Path dir) throws IOException {
        Path pem = KeyCustodyTest.writePkcs8Pem(dir);
        KeyCustody.PemFile custody = KeyCustody.PemFile.load(pem);
        String previous = ring.signingKey().kid();

        transactions.executeWithoutResult(status -> {
            KeyRing pemRing = new KeyRing(keys, custody, clock);
            KeyRotation pemRotation = new KeyRotation(keys, custody, pemRing, properties, clock, transactions, jdbc);

            assertThat(pemRotation.rotateIfDue()).isEqualTo(custody.key().kid());
            assertThat(pemRing.signingKey()).isSameAs(custody.key());
            assertThat(pemRing.publishedKeys()).extracting(key -> key.getKeyID())
                    .containsExactly(custody.key().kid(), previous);
            assertThat(keys.findById(custody.key().kid()).orElseThrow().holdsPrivateKey()).isFalse();
            assertThat(pemRotation.rotateIfDue()).as("the same file again").isEqualTo(custody.key().kid());
            status.setRollbackOnly();
        });
        assertThat(keys.findById(custody.key().kid())).as("rolled back").isEmpty();
    }

    @Test
    void aKeyAnotherReplicaActivatedIsLoadedWhenATokenNamesIt() {
        Member member = api.bootstrap();
        KeyCustody custody = KeyCustody.from(properties);
        KeyRing otherRing = new KeyRing(keys, custody, clock);
        KeyRotation otherReplica = new KeyRotation(keys, custody, otherRing, properties, clock, transactions, jdbc);
        ring.reload();

        String newKid = otherReplica.rotateNow();
        String token = issueAs(otherRing.signingKey(), member);

        assertError(api.anonymous().bearer(token).get("/api/v1/auth/me"), 401);
        clock.advance(Duration.ofSeconds(11));
        assertThat(api.anonymous().bearer(token).get("/api/v1/auth/me").status())
                .as("unknown kid, keys read more than 10 s ago: read again").isEqualTo(200);
        assertThat(ring.signingKey().kid()).isEqualTo(newKid);
    }

    /** A token as the other replica would issue it: signed with its key, recorded in the shared table. */
    private String issueAs(SigningKey key, Member member) {
        UUID jti = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.update("insert into issued_token (jti, user_id, tenant_id, issued_at, expires_at) values (?, ?, ?, ?, ?)",
                jti, member.userId(), member.tenantId(), Timestamp.from(now),
                Timestamp.from(now.plus(Duration.ofMinutes(5))));
        return Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(TokenClaims.ISSUER)
                .audience().add(TokenClaims.AUDIENCE).and()
                .subject(member.userId().toString())
                .id(jti.toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim(TokenClaims.TENANT_ID, member.tenantId().toString())
                .claim(TokenClaims.ROLES, List.of("admin"))
                .signWith(key.privateKey(), Jwts.SIG.RS256)
                .compact();
    }

    private List<String> publishedKids() {
        return api.anonymous().get("/.well-known/jwks.json").json().get("keys").valueStream()
                .map(key -> key.get("kid").asString()).toList();
    }

    private static String kid(String token) {
        return TokenParts.header(token).get("kid").asString();
    }
}
