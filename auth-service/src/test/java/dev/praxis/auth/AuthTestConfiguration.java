package dev.praxis.auth;

import dev.praxis.test.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Imported by every test class (the same import everywhere keeps one shared Spring context). */
@TestConfiguration(proxyBeanMethods = false)
public class AuthTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
