package dev.praxis.scheduling.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A service the practice offers (PazPaz "service", e.g. a 60-minute massage). Deleting one that appointments reference
 * only deactivates and marks it deleted.
 */
@Entity
@Table(name = "service")
class PracticeService {

    @Id
    private UUID id;
    private UUID tenantId;
    private String name;
    private String description;
    private int defaultDurationMinutes;
    @Column(name = "is_active")
    private boolean active;
    private Instant deletedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected PracticeService() {
    }

    PracticeService(UUID tenantId, String name, String description, int defaultDurationMinutes, boolean active,
                    Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.defaultDurationMinutes = defaultDurationMinutes;
        this.active = active;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void markDeleted(Instant now) {
        this.active = false;
        this.deletedAt = now;
        this.updatedAt = now;
    }

    void touched(Instant now) {
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
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

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
