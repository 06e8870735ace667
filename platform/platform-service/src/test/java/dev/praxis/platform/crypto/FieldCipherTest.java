package dev.praxis.platform.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    static final byte[] KEY_A = key('a');
    static final byte[] KEY_B = key('b');

    final FieldCipher cipher = new FieldCipher(Map.of("k1", KEY_A), "k1");

    @Test
    void roundTripsAndStoresVersionKeyIdAndNoPlaintext() {
        String stored = cipher.encrypt("jane.roe@example.com");

        assertThat(stored).startsWith("v1:k1:").doesNotContain("jane").doesNotContain("example");
        byte[] payload = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
        assertThat(payload).hasSize(12 + "jane.roe@example.com".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(cipher.decrypt(stored)).isEqualTo("jane.roe@example.com");
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void nullAndEmptyAndUnicodeSurvive() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(cipher.decrypt(cipher.encrypt("Zoë — 東京 🩺"))).isEqualTo("Zoë — 東京 🩺");
    }

    @Test
    void rotationEncryptsWithTheActiveKeyAndDecryptsWithAnyConfiguredKey() {
        String underOldKey = cipher.encrypt("old secret");
        FieldCipher rotated = new FieldCipher(Map.of("k1", KEY_A, "k2", KEY_B), "k2");

        assertThat(rotated.encrypt("new secret")).startsWith("v1:k2:");
        assertThat(rotated.decrypt(underOldKey)).isEqualTo("old secret");
        assertThatThrownBy(() -> cipher.decrypt(rotated.encrypt("new secret")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown field-encryption key id 'k2'");
    }

    @Test
    void tamperedCiphertextOrSwappedKeyIdFailsWithoutEchoingTheValue() {
        String stored = cipher.encrypt("notes about a patient");
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] sealed = java.util.Base64.getDecoder().decode(stored.substring(prefix.length()));
        sealed[sealed.length / 2] ^= 0x01;
        String tampered = prefix + java.util.Base64.getEncoder().encodeToString(sealed);
        FieldCipher twoKeysSameBytes = new FieldCipher(Map.of("k1", KEY_A, "k9", KEY_A), "k1");
        String swapped = stored.replaceFirst("^v1:k1:", "v1:k9:");

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("patient");
        assertThatThrownBy(() -> twoKeysSameBytes.decrypt(swapped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void malformedStoredValuesAreRejected() {
        assertThatThrownBy(() -> cipher.decrypt("plain text")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v2:k1:AAAA")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:k1:not base64!")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:k1:AAAA")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void invalidKeyConfigurationIsRefused() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", new byte[16]), "k1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher(Map.of("K:1", KEY_A), "K:1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", KEY_A), "k2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active");
    }

    @Test
    void converterEncryptsOnTheWayToTheDatabaseOnly() {
        EncryptedStringConverter converter = new EncryptedStringConverter(cipher);

        String column = converter.convertToDatabaseColumn("+1 555 0100");

        assertThat(column).startsWith("v1:k1:").doesNotContain("555");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo("+1 555 0100");
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
    }

    static byte[] key(char fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }
}
