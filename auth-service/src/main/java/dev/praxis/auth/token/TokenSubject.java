package dev.praxis.auth.token;

import dev.praxis.contracts.security.Role;

import java.util.Objects;
import java.util.UUID;

/** Whom an access token is for: the account's id, tenant, single role and email. */
public record TokenSubject(UUID userId, UUID tenantId, Role role, String email) {

    public TokenSubject {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(email, "email");
    }
}
