package dev.praxis.auth.key;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code signing_key}: a public key, and its private key encrypted unless it lives in a PEM file. */
@Entity
@Table(name = "signing_key")
class StoredSigningKey {

    @Id
    private String kid;
    private byte[] publicKey;
    private byte[] privateKey;
    private Instant createdAt;
    private Instant activatedAt;
    private long activation;

    protected StoredSigningKey() {
    }

    private StoredSigningKey(String kid, byte[] publicKey, byte[] encryptedPrivateKey, Instant now) {
        this.kid = kid;
        this.publicKey = publicKey.clone();
        this.privateKey = encryptedPrivateKey == null ? null : encryptedPrivateKey.clone();
        this.createdAt = now;
    }

    static StoredSigningKey generated(String kid, byte[] publicKey, byte[] encryptedPrivateKey) {
        return new StoredSigningKey(kid, publicKey, encryptedPrivateKey, null);
    }

    /** A key whose private half is kept outside the database (the PEM file). */
    static StoredSigningKey external(String kid, byte[] publicKey) {
        return new StoredSigningKey(kid, publicKey, null, null);
    }

    /** @param activation the next value of the activation sequence: the highest one signs */
    void activate(long activation, Instant now) {
        this.activation = activation;
        this.activatedAt = now;
        if (createdAt == null) {
            createdAt = now;
        }
    }

    String getKid() {
        return kid;
    }

    byte[] getPublicKey() {
        return publicKey.clone();
    }

    byte[] getEncryptedPrivateKey() {
        return privateKey == null ? null : privateKey.clone();
    }

    boolean holdsPrivateKey() {
        return privateKey != null;
    }

    Instant getActivatedAt() {
        return activatedAt;
    }
}
