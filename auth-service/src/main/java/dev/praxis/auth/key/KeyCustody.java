package dev.praxis.auth.key;

import dev.praxis.auth.AuthProperties;
import org.springframework.boot.ssl.pem.PemContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Who holds the private signing key: this service (generated, rotated on schedule, stored encrypted) or the operator
 * (a PEM file, rotated by replacing the file and restarting).
 */
sealed interface KeyCustody permits KeyCustody.Generated, KeyCustody.PemFile {

    /** The private key of the newest activated key. */
    SigningKey signingKey(StoredSigningKey current);

    static KeyCustody from(AuthProperties properties) {
        String pemFile = properties.signingKeyPemFile();
        if (pemFile != null && !pemFile.isBlank()) {
            return PemFile.load(Path.of(pemFile.strip()));
        }
        return new Generated(KeyEncryption.fromBase64(properties.keyEncryptionKey()));
    }

    /** Keys generated here; the private key is stored encrypted with the key-encryption key. */
    record Generated(KeyEncryption encryption) implements KeyCustody {

        @Override
        public SigningKey signingKey(StoredSigningKey current) {
            byte[] sealed = current.getEncryptedPrivateKey();
            if (sealed == null) {
                throw new IllegalStateException("the current signing key " + current.getKid() + " came from a PEM "
                        + "file; configure praxis.auth.signing-key-pem-file, or let a new key be generated");
            }
            RSAPrivateKey privateKey = RsaKeys.privateKey(encryption.decrypt(sealed, current.getKid()));
            return new SigningKey(current.getKid(), privateKey, RsaKeys.publicKey(current.getPublicKey()));
        }
    }

    /** One key from a PEM file (PKCS#8 or PKCS#1 RSA); its public half is recorded so it outlives the file. */
    record PemFile(Path path, SigningKey key) implements KeyCustody {

        static PemFile load(Path path) {
            PrivateKey privateKey;
            try {
                privateKey = PemContent.of(Files.readString(path)).getPrivateKey();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the signing key file " + path, e);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("no private key in the signing key file " + path);
            }
            if (!(privateKey instanceof RSAPrivateKey rsa)) {
                throw new IllegalStateException("the signing key in " + path + " is not an RSA key");
            }
            RSAPublicKey publicKey = RsaKeys.publicKeyOf(rsa);
            return new PemFile(path, new SigningKey(RsaKeys.kid(publicKey), rsa, publicKey));
        }

        @Override
        public SigningKey signingKey(StoredSigningKey current) {
            if (!current.getKid().equals(key.kid())) {
                throw new IllegalStateException("the newest signing key is not the one in " + path);
            }
            return key;
        }
    }
}
