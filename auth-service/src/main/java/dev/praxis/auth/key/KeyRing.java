package dev.praxis.auth.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The keys in use, read from {@code signing_key}: the newest activated key signs, and it and the one before it verify
 * (so a rotation logs nobody out). As a {@link JWKSource} it serves this service's own token verification.
 */
@Component
public class KeyRing implements JWKSource<SecurityContext> {

    /** A token with an unknown kid (a key another replica activated) makes the ring re-read at most this often. */
    private static final Duration RELOAD_ON_UNKNOWN_KID = Duration.ofSeconds(10);

    private final StoredSigningKeyRepository keys;
    private final KeyCustody custody;
    private final Clock clock;
    private volatile Snapshot snapshot;

    KeyRing(StoredSigningKeyRepository keys, KeyCustody custody, Clock clock) {
        this.keys = keys;
        this.custody = custody;
        this.clock = clock;
    }

    private record Snapshot(SigningKey signingKey, List<RSAKey> published, Instant loadedAt) {
    }

    /** The key to sign with now. */
    public SigningKey signingKey() {
        return snapshot().signingKey();
    }

    /** The current and the previous public key, newest first: the JWK set. */
    public List<RSAKey> publishedKeys() {
        return snapshot().published();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot current = snapshot();
        List<JWK> found = selector.select(new JWKSet(List.copyOf(current.published())));
        if (found.isEmpty() && current.loadedAt().plus(RELOAD_ON_UNKNOWN_KID).isBefore(clock.instant())) {
            found = selector.select(new JWKSet(List.copyOf(load().published())));
        }
        return found;
    }

    /** Reads the keys again (after a rotation, here or on another replica). */
    void reload() {
        load();
    }

    private Snapshot load() {
        List<StoredSigningKey> newest = keys.findTop2ByOrderByActivationDesc();
        if (newest.isEmpty()) {
            throw new IllegalStateException("there is no signing key yet");
        }
        List<RSAKey> published = newest.stream()
                .map(key -> RsaKeys.publicJwk(key.getKid(), RsaKeys.publicKey(key.getPublicKey())))
                .toList();
        Snapshot loaded = new Snapshot(custody.signingKey(newest.get(0)), published, clock.instant());
        snapshot = loaded;
        return loaded;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        return current != null ? current : load();
    }
}
