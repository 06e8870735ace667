package dev.praxis.scheduling.persistence;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * What every scheduling row has: its id, the tenant it belongs to (every query filters on it), when it was created and
 * last changed, and an optimistic-lock version so that two concurrent edits cannot silently overwrite each other.
 */
@MappedSuperclass
public abstract class TenantEntity {

    @Id
    private UUID id;
    private UUID tenantId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected TenantEntity() {
    }

    protected TenantEntity(UUID tenantId, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Records a change made at {@code now}. */
    public void touched(Instant now) {
        this.updatedAt = now;
    }
}
