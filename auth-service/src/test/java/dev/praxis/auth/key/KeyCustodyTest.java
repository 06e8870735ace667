package dev.praxis.auth.key;

import dev.praxis.auth.AuthProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the signing key comes from, decided at start-up: a missing or broken setting stops the service. */
class KeyCustodyTest {

    @Test
    void withoutAPemFileKeysAreGeneratedAndNeedAKeyEncryptionKey() {
        assertThat(KeyCustody.from(properties(KeyEncryptionTest.KEY, null))).isInstanceOf(KeyCustody.Generated.class);
        assertThatThrownBy(() -> KeyCustody.from(properties(null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AUTH_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> KeyCustody.from(properties("", " ")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPkcs8PemFileIsLoadedWithItsThumbprintAsKid(@TempDir Path dir) throws IOException {
        KeyPair pair = rsa();
        Path file = write(dir.resolve("pkcs8.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());

        KeyCustody custody = KeyCustody.from(properties(null, file.toString()));

        assertThat(custody).isInstanceOfSatisfying(KeyCustody.PemFile.class, pem -> {
            assertThat(pem.key().publicKey()).isEqualTo(pair.getPublic());
            assertThat(pem.key().kid()).isEqualTo(RsaKeys.kid((RSAPublicKey) pair.getPublic()));
            assertThat(pem.key().toString()).doesNotContain("private").contains(pem.key().kid());
        });
    }

    @Test
    void aPkcs1PemFileIsLoadedToo(@TempDir Path dir) throws IOException {
        KeyPair pair = rsa();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        // A 2048-bit PKCS#8 RSA key is a 26-byte header around the PKCS#1 RSAPrivateKey.
        Path file = write(dir.resolve("pkcs1.pem"), "RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));

        KeyCustody.PemFile custody = KeyCustody.PemFile.load(file);

        assertThat(custody.key().publicKey()).isEqualTo(pair.getPublic());
    }

    @Test
    void aMissingOrUnusableFileStopsTheStart(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> KeyCustody.PemFile.load(dir.resolve("absent.pem")))
                .hasMessageContaining("absent.pem");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no key here");
        assertThatThrownBy(() -> KeyCustody.PemFile.load(empty)).isInstanceOf(IllegalStateException.class);
    }

    static Path writePkcs8Pem(Path dir) throws IOException {
        return write(dir.resolve("signing-key.pem"), "PRIVATE KEY", rsa().getPrivate().getEncoded());
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuthProperties properties(String keyEncryptionKey, String pemFile) {
        return new AuthProperties(Duration.ofMinutes(480), keyEncryptionKey, pemFile, Duration.ofDays(90), true,
                URI.create("http://localhost:8000"), "no-reply@praxis.local",
                new AuthProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                new AuthProperties.MagicLink(Duration.ofMinutes(10), 3));
    }
}
