package dev.praxis.auth.key;

import dev.praxis.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps a valid signing key active. At start-up and daily ({@code praxis.auth.key-rotation-cron}):
 * <ul>
 *     <li>generated keys: when there is none, or the newest is older than {@code praxis.auth.key-rotation-period}, a
 *     new RSA key is generated, its private half encrypted, and it is activated;</li>
 *     <li>a PEM file: when the newest key is not the file's, the file's key is recorded (public half only) and
 *     activated. Rotating means replacing the file and restarting.</li>
 * </ul>
 * Either way the previous key stays in the JWK set, so tokens it signed stay valid until they expire. Replicas decide
 * under one database lock, so only one of them rotates.
 */
@Component
class KeyRotation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    /** Any constant, the same for every replica (one database). */
    private static final long ROTATION_LOCK = 0x5052_4158_4b45_5953L;

    private final StoredSigningKeyRepository keys;
    private final KeyCustody custody;
    private final KeyRing ring;
    private final Duration period;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    KeyRotation(StoredSigningKeyRepository keys, KeyCustody custody, KeyRing ring, AuthProperties properties,
                Clock clock, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.keys = keys;
        this.custody = custody;
        this.ring = ring;
        this.period = properties.keyRotationPeriod();
        this.clock = clock;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        rotateIfDue();
    }

    @Scheduled(cron = "${praxis.auth.key-rotation-cron}")
    void scheduledCheck() {
        rotateIfDue();
    }

    /** @return the kid of the key that signs from now on */
    String rotateIfDue() {
        transactions.executeWithoutResult(status -> {
            lockOutOtherReplicas();
            Optional<StoredSigningKey> newest = keys.findFirstByOrderByActivationDesc();
            if (custody instanceof KeyCustody.PemFile pem) {
                activatePemKey(pem, newest);
            } else if (newest.map(this::isDue).orElse(true)) {
                activateNewKey((KeyCustody.Generated) custody);
            }
        });
        ring.reload();
        return ring.signingKey().kid();
    }

    /**
     * Activates a new generated key now, whatever the age of the current one (e.g. when a leak is suspected).
     *
     * @return the new kid
     */
    String rotateNow() {
        if (!(custody instanceof KeyCustody.Generated generated)) {
            throw new IllegalStateException("the signing key comes from a PEM file: replace the file and restart");
        }
        transactions.executeWithoutResult(status -> {
            lockOutOtherReplicas();
            activateNewKey(generated);
        });
        ring.reload();
        return ring.signingKey().kid();
    }

    /** Until the transaction ends. */
    private void lockOutOtherReplicas() {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", ROTATION_LOCK);
    }

    private boolean isDue(StoredSigningKey newest) {
        return !newest.holdsPrivateKey() || !newest.getActivatedAt().plus(period).isAfter(clock.instant());
    }

    private void activateNewKey(KeyCustody.Generated generated) {
        KeyPair pair = RsaKeys.generate();
        String kid = RsaKeys.kid((RSAPublicKey) pair.getPublic());
        byte[] sealed = generated.encryption().encrypt(pair.getPrivate().getEncoded(), kid);
        StoredSigningKey key = StoredSigningKey.generated(kid, pair.getPublic().getEncoded(), sealed);
        key.activate(keys.nextActivation(), clock.instant());
        keys.save(key);
        log.info("activated a new signing key, kid {}", kid);
    }

    private void activatePemKey(KeyCustody.PemFile pem, Optional<StoredSigningKey> newest) {
        String kid = pem.key().kid();
        if (newest.filter(key -> key.getKid().equals(kid)).isPresent()) {
            return;
        }
        StoredSigningKey stored = keys.findById(kid)
                .orElseGet(() -> StoredSigningKey.external(kid, pem.key().publicKey().getEncoded()));
        stored.activate(keys.nextActivation(), clock.instant());
        keys.save(stored);
        log.info("activated the signing key of {}, kid {}", pem.path(), kid);
    }
}
