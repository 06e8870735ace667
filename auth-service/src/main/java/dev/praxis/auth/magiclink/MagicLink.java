package dev.praxis.auth.magiclink;

import dev.praxis.auth.user.Account;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One sign-in link for one account: known here by the hash of its token only; usable once, until it expires. */
@Entity
@Table(name = "magic_link")
class MagicLink {

    @Id
    private UUID id;
    private byte[] tokenHash;
    private UUID userId;
    private UUID tenantId;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    private String sentTo;

    protected MagicLink() {
    }

    MagicLink(byte[] tokenHash, Account account, Instant now, Duration ttl) {
        this.id = UUID.randomUUID();
        this.tokenHash = tokenHash.clone();
        this.userId = account.id();
        this.tenantId = account.tenantId();
        this.createdAt = now;
        this.expiresAt = now.plus(ttl);
        this.sentTo = account.email();
    }

    /** Whether the account's address is still the one the link was mailed to. */
    boolean wasSentTo(String email) {
        return sentTo == null || sentTo.equalsIgnoreCase(email);
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getUserId() {
        return userId;
    }

    UUID getTenantId() {
        return tenantId;
    }
}
