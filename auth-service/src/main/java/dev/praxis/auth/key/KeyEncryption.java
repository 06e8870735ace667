package dev.praxis.auth.key;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts private signing keys at rest: AES-256-GCM under the configured key-encryption key, a fresh 12-byte nonce per
 * key, the kid as associated data (a ciphertext cannot be moved to another key's row). Stored as nonce || ciphertext.
 */
final class KeyEncryption {

    static final String PROPERTY = "praxis.auth.key-encryption-key";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private KeyEncryption(SecretKey key) {
        this.key = key;
    }

    /** @throws IllegalStateException when the setting is missing or not base64 of exactly 32 bytes */
    static KeyEncryption fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(PROPERTY + " (AUTH_KEY_ENCRYPTION_KEY) is not set: give it base64 of 32 "
                    + "random bytes (openssl rand -base64 32), or sign with praxis.auth.signing-key-pem-file");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(PROPERTY + " must be " + KEY_BYTES + " bytes (AES-256), not "
                    + bytes.length);
        }
        return new KeyEncryption(new SecretKeySpec(bytes, "AES"));
    }

    byte[] encrypt(byte[] plaintext, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the private key of " + kid, e);
        }
    }

    /** @throws IllegalStateException when the data was not encrypted with this key for this kid */
    byte[] decrypt(byte[] sealed, String kid) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt the private key of " + kid + ": was it encrypted with "
                    + "another " + PROPERTY + "?");
        }
    }
}
