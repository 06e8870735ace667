package dev.praxis.auth.tenant;

import dev.praxis.auth.AuthProperties;
import dev.praxis.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code praxis.auth.tenant-signup-enabled=false} closes the public bootstrap (a plain test: no second context). */
class TenantSignupTest {

    @Test
    void signupCanBeSwitchedOff() {
        AuthProperties closed = new AuthProperties(Duration.ofMinutes(480), null, null, Duration.ofDays(90), false,
                URI.create("http://localhost:8000"), "no-reply@praxis.local",
                new AuthProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                new AuthProperties.MagicLink(Duration.ofMinutes(10), 3));
        Tenants tenants = new Tenants(null, null, closed, Clock.systemUTC());

        assertThatThrownBy(() -> tenants.create("Acme", null, null))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }
}
