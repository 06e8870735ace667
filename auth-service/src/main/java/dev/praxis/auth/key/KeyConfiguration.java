package dev.praxis.auth.key;

import dev.praxis.auth.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

    /** Fails the start-up when neither a valid key-encryption key nor a readable PEM file is configured. */
    @Bean
    KeyCustody keyCustody(AuthProperties properties) {
        return KeyCustody.from(properties);
    }
}
