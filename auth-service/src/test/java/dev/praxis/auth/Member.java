package dev.praxis.auth;

import dev.praxis.contracts.security.Role;

import java.util.UUID;

/** A user created through the API, with the credentials it was created with and a token from a real login. */
public record Member(UUID tenantId, String tenantName, UUID userId, String email, String username, String password,
                     Role role, String token) {

    public Member withToken(String newToken) {
        return new Member(tenantId, tenantName, userId, email, username, password, role, newToken);
    }
}
