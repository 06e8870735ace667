package dev.praxis.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Magic links must point at the installation's own gateway: outside the local and test profiles nothing defaults the
 * address, so a deployment that forgets it refuses to start instead of mailing links to localhost.
 */
class AuthPropertiesTest {

    @Test
    void bindsThePublicAddressOfTheGateway() {
        AuthProperties properties = bind(Map.of("praxis.auth.public-base-url", "https://praxis.example.com"));

        assertThat(properties.publicBaseUrl()).hasToString("https://praxis.example.com");
    }

    @Test
    void refusesToStartWithoutIt() {
        assertThatThrownBy(() -> bind(Map.of()))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("AUTH_PUBLIC_BASE_URL");
        assertThatThrownBy(() -> bind(Map.of("praxis.auth.public-base-url", "")))
                .rootCause().hasMessageContaining("AUTH_PUBLIC_BASE_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "praxis.example.com", "ftp://praxis.example.com", "mailto:someone@example.com"})
    void refusesAnAddressAMailCannotLinkTo(String address) {
        assertThatThrownBy(() -> bind(Map.of("praxis.auth.public-base-url", address)))
                .rootCause().hasMessageContaining("public http(s) address");
    }

    private static AuthProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("praxis.auth", AuthProperties.class);
    }
}
