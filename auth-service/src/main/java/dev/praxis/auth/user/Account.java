package dev.praxis.auth.user;

import dev.praxis.auth.token.TokenSubject;
import dev.praxis.contracts.security.Role;

import java.time.Instant;
import java.util.UUID;

/** What the login features see of a user: no password hash, no name. */
public record Account(UUID id, UUID tenantId, String email, Role role, boolean active, Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public TokenSubject tokenSubject() {
        return new TokenSubject(id, tenantId, role, email);
    }
}
