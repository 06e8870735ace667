package dev.praxis.auth.key;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyEncryptionTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final byte[] SECRET = "a private key".getBytes(StandardCharsets.UTF_8);

    @Test
    void encryptsWithAFreshNonceAndDecryptsForTheSameKid() {
        KeyEncryption encryption = KeyEncryption.fromBase64(KEY);

        byte[] once = encryption.encrypt(SECRET, "kid-1");
        byte[] twice = encryption.encrypt(SECRET, "kid-1");

        assertThat(once).isNotEqualTo(twice);
        assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("a private key");
        assertThat(encryption.decrypt(once, "kid-1")).isEqualTo(SECRET);
        assertThat(encryption.decrypt(twice, "kid-1")).isEqualTo(SECRET);
    }

    @Test
    void refusesAnotherKidOrAnotherKey() {
        byte[] sealed = KeyEncryption.fromBase64(KEY).encrypt(SECRET, "kid-1");
        KeyEncryption other = KeyEncryption.fromBase64(
                Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()));

        assertThatThrownBy(() -> KeyEncryption.fromBase64(KEY).decrypt(sealed, "kid-2"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> other.decrypt(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("praxis.auth.key-encryption-key");
    }

    @Test
    void theKeyMustBeBase64Of32Bytes() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        for (String bad : new String[]{null, "", "  ", "not base64!", tooShort}) {
            assertThatThrownBy(() -> KeyEncryption.fromBase64(bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("praxis.auth.key-encryption-key");
        }
    }
}
