package dev.praxis.scheduling.service;

import dev.praxis.scheduling.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A service the practice offers (PazPaz "service", e.g. a 60-minute massage). Deleting one that appointments reference
 * only deactivates and marks it deleted.
 */
@Entity
@Table(name = "service")
class PracticeService extends TenantEntity {

    private String name;
    private String description;
    private int defaultDurationMinutes;
    @Column(name = "is_active")
    private boolean active;
    private Instant deletedAt;

    protected PracticeService() {
    }

    PracticeService(UUID tenantId, String name, String description, int defaultDurationMinutes, boolean active,
                    Instant now) {
        super(tenantId, now);
        this.name = name;
        this.description = description;
        this.defaultDurationMinutes = defaultDurationMinutes;
        this.active = active;
    }

    void markDeleted(Instant now) {
        this.active = false;
        this.deletedAt = now;
        touched(now);
    }

    String name() {
        return name;
    }

    void name(String name) {
        this.name = name;
    }

    String description() {
        return description;
    }

    void description(String description) {
        this.description = description;
    }

    Integer defaultDurationMinutes() {
        return defaultDurationMinutes;
    }

    void defaultDurationMinutes(Integer minutes) {
        this.defaultDurationMinutes = minutes;
    }

    boolean active() {
        return active;
    }

    void active(boolean active) {
        this.active = active;
    }
}
