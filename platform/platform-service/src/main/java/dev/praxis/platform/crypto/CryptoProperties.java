package dev.praxis.platform.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Field-encryption keys: {@code praxis.crypto.keys.<keyId>=<base64 of 32 random bytes>} (e.g. from a Kubernetes
 * Secret as {@code PRAXIS_CRYPTO_KEYS_K2025=...}) and {@code praxis.crypto.active-key-id=<keyId>}.
 *
 * @param keys        every key that may still be needed to decrypt, by key id
 * @param activeKeyId the key new values are encrypted with
 */
@ConfigurationProperties("praxis.crypto")
public record CryptoProperties(@DefaultValue Map<String, String> keys, String activeKeyId) {
}
