package dev.praxis.platform.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field encryption for services that keep PHI ({@link FieldCipher}, {@link EncryptedStringConverter}).
 * <p>
 * Keys come from configuration only. In the {@code local} and {@code test} profiles a fixed development key is used
 * when none is configured; in any other profile a service that encrypts refuses to start without keys. The beans are
 * lazy, so services that never encrypt need no keys at all.
 */
@AutoConfiguration
@EnableConfigurationProperties(CryptoProperties.class)
public class CryptoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoAutoConfiguration.class);

    /** Not a secret: it only ever protects development and test data. */
    static final String DEV_KEY_ID = "dev";
    static final String DEV_KEY = "cHJheGlzLWRldi1vbmx5LWtleS1ub3QtYS1zZWNyZXQ=";
    static final String DEV_PROFILES = "local | test";

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    FieldCipher fieldCipher(CryptoProperties properties, Environment environment) {
        if (properties.keys().isEmpty()) {
            if (!environment.matchesProfiles(DEV_PROFILES)) {
                throw new IllegalStateException("field encryption needs keys: set praxis.crypto.keys.<keyId> "
                        + "(base64 of 32 random bytes) and praxis.crypto.active-key-id");
            }
            log.warn("field encryption uses the built-in development key (profiles local/test only)");
            return new FieldCipher(Map.of(DEV_KEY_ID, Base64.getDecoder().decode(DEV_KEY)), DEV_KEY_ID);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties.keys().forEach((keyId, encoded) -> keys.put(keyId, decode(keyId, encoded)));
        return new FieldCipher(keys, properties.activeKeyId());
    }

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    EncryptedStringConverter encryptedStringConverter(FieldCipher cipher) {
        return new EncryptedStringConverter(cipher);
    }

    private static byte[] decode(String keyId, String encoded) {
        try {
            return Base64.getDecoder().decode(encoded == null ? "" : encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field-encryption key '" + keyId + "' is not valid base64");
        }
    }
}
