package dev.praxis.platform.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Encrypts single field values at rest with AES-256-GCM. A stored value reads {@code v1:<keyId>:<base64(iv|ciphertext|tag)>}
 * with a random 96-bit IV per value; the {@code v1:<keyId>} prefix is authenticated too (GCM associated data), so it
 * cannot be swapped without the value failing to decrypt. New values use the active key; any configured key decrypts,
 * so keys rotate by adding a new key, making it active, and keeping the old one until no value uses it.
 */
public final class FieldCipher {

    static final String VERSION = "v1";
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    /**
     * @param keys        raw 256-bit keys by key id (lower case letters, digits, {@code -} and {@code _})
     * @param activeKeyId the key new values are encrypted with
     * @throws IllegalArgumentException for a key that is not 32 bytes, a malformed key id or an unknown active key
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        Objects.requireNonNull(keys, "keys");
        Map<String, SecretKey> checked = new LinkedHashMap<>();
        keys.forEach((keyId, key) -> {
            if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("field-encryption key id must match " + KEY_ID.pattern());
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("field-encryption key '" + keyId + "' must be 32 bytes (AES-256)");
            }
            checked.put(keyId, new SecretKeySpec(key.clone(), "AES"));
        });
        if (activeKeyId == null || !checked.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active field-encryption key id must name a configured key");
        }
        this.keys = Map.copyOf(checked);
        this.activeKeyId = activeKeyId;
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** @return the stored form of {@code plaintext}; {@code null} stays {@code null} */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header(activeKeyId));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKeyId + ":" + Base64.getEncoder().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    /**
     * @return the plaintext of a value produced by {@link #encrypt}; {@code null} stays {@code null}
     * @throws IllegalStateException when the value is not in the stored form, names an unknown key or was tampered
     *                               with (the message never contains the value)
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("value is not in the encrypted field format");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("value was encrypted with unknown field-encryption key id '" + parts[1] + "'");
        }
        try {
            byte[] payload = Base64.getDecoder().decode(parts[2]);
            if (payload.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalStateException("encrypted field value is truncated");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
            cipher.updateAAD(header(parts[1]));
            return new String(cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encrypted field value failed authentication");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("encrypted field value is not valid base64");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field decryption failed", e);
        }
    }

    private static byte[] header(String keyId) {
        return (VERSION + ":" + keyId).getBytes(StandardCharsets.US_ASCII);
    }
}
