package dev.praxis.auth.token;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The record of an access token (never the token itself), so that it can be revoked. */
@Entity
@Table(name = "issued_token")
class IssuedToken {

    @Id
    private UUID jti;
    private UUID userId;
    private UUID tenantId;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant revokedAt;
    private String revokeReason;

    protected IssuedToken() {
    }

    IssuedToken(UUID jti, UUID userId, UUID tenantId, Instant issuedAt, Instant expiresAt) {
        this.jti = jti;
        this.userId = userId;
        this.tenantId = tenantId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    void revoke(RevocationReason reason, Instant now) {
        this.revokedAt = now;
        this.revokeReason = reason.value();
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    UUID getJti() {
        return jti;
    }

    UUID getTenantId() {
        return tenantId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
