package dev.praxis.scheduling.service;

import dev.praxis.scheduling.persistence.SoftDeletableEntity;
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
class PracticeService extends SoftDeletableEntity {

    private String name;
    private String description;
    private int defaultDurationMinutes;

    protected PracticeService() {
    }

    PracticeService(UUID tenantId, String name, String description, int defaultDurationMinutes, boolean active,
                    Instant now) {
        super(tenantId, active, now);
        this.name = name;
        this.description = description;
        this.defaultDurationMinutes = defaultDurationMinutes;
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
}
