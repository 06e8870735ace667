package dev.praxis.auth.key;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/** The key access tokens are signed with now: its {@code kid} goes in the token header. */
public record SigningKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
