package dev.praxis.scheduling.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * A catalog row (a service, a location) that can be switched off, and that is only marked deleted, never removed,
 * while appointments still refer to it.
 */
@MappedSuperclass
public abstract class SoftDeletableEntity extends TenantEntity {

    @Column(name = "is_active")
    private boolean active;
    private Instant deletedAt;

    protected SoftDeletableEntity() {
    }

    protected SoftDeletableEntity(UUID tenantId, boolean active, Instant now) {
        super(tenantId, now);
        this.active = active;
    }

    public boolean active() {
        return active;
    }

    public void active(boolean active) {
        this.active = active;
    }

    /** Deactivates and marks deleted: hidden from the API, kept for the appointments that refer to it. */
    public void markDeleted(Instant now) {
        this.active = false;
        this.deletedAt = now;
        touched(now);
    }
}
