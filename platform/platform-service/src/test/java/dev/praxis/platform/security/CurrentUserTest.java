package dev.praxis.platform.security;

import dev.praxis.contracts.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentUserTest {

    @Test
    void printsNeitherTheTokenNorTheEmail() {
        UUID userId = UUID.randomUUID();
        CurrentUser user = new CurrentUser(userId, UUID.randomUUID(), Set.of(Role.PRACTITIONER), "jane@example.com",
                "jti-1", Instant.now(), "eyJhbGciOiJSUzI1NiJ9.secret.signature");

        assertThat(user.toString()).contains(userId.toString(), "PRACTITIONER", "jti-1")
                .doesNotContain("jane@example.com").doesNotContain("eyJhbGciOiJSUzI1NiJ9");
    }
}
