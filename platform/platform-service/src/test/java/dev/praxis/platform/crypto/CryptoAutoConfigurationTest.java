package dev.praxis.platform.crypto;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CryptoAutoConfigurationTest {

    static final String KEY_1 = Base64.getEncoder().encodeToString(FieldCipherTest.key('1'));
    static final String KEY_2 = Base64.getEncoder().encodeToString(FieldCipherTest.key('2'));

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CryptoAutoConfiguration.class));

    @Test
    void configuredKeysAreUsedAndTheActiveOneEncrypts() {
        runner.withPropertyValues("praxis.crypto.keys.k1=" + KEY_1, "praxis.crypto.keys.k2=" + KEY_2,
                "praxis.crypto.active-key-id=k2").run(context -> {
            FieldCipher cipher = context.getBean(FieldCipher.class);
            assertThat(cipher.activeKeyId()).isEqualTo("k2");
            String underK1 = new FieldCipher(java.util.Map.of("k1", FieldCipherTest.key('1')), "k1").encrypt("x");
            assertThat(cipher.decrypt(underK1)).isEqualTo("x");
            assertThat(context.getBean(EncryptedStringConverter.class).convertToDatabaseColumn("y")).startsWith("v1:k2:");
        });
    }

    @Test
    void localAndTestProfilesFallBackToTheDevelopmentKey() {
        for (String profile : new String[]{"local", "test"}) {
            runner.withPropertyValues("spring.profiles.active=" + profile).run(context ->
                    assertThat(context.getBean(FieldCipher.class).activeKeyId()).isEqualTo(CryptoAutoConfiguration.DEV_KEY_ID));
        }
    }

    @Test
    void anyOtherProfileWithoutKeysRefusesToEncrypt() {
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(FieldCipher.class))
                    .hasRootCauseMessage("field encryption needs keys: set praxis.crypto.keys.<keyId> "
                            + "(base64 of 32 random bytes) and praxis.crypto.active-key-id");
        });
    }

    @Test
    void servicesThatNeverEncryptNeedNoKeys() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.containsBean("fieldCipher")).isTrue();
        });
    }

    @Test
    void badKeysAreRefused() {
        runner.withPropertyValues("praxis.crypto.keys.k1=c2hvcnQ=", "praxis.crypto.active-key-id=k1")
                .run(context -> assertThatThrownBy(() -> context.getBean(FieldCipher.class))
                        .hasRootCauseMessage("field-encryption key 'k1' must be 32 bytes (AES-256)"));
        runner.withPropertyValues("praxis.crypto.keys.k1=" + KEY_1)
                .run(context -> assertThatThrownBy(() -> context.getBean(FieldCipher.class))
                        .hasRootCauseMessage("the active field-encryption key id must name a configured key"));
    }
}
