package dev.praxis.scheduling.location;

import dev.praxis.scheduling.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A place sessions happen. Deleting one that appointments reference only deactivates and marks it deleted. */
@Entity
@Table(name = "location")
class Location extends TenantEntity {

    private String name;
    @Convert(converter = LocationType.Column.class)
    private LocationType locationType;
    private String address;
    private String details;
    @Column(name = "is_active")
    private boolean active;
    private Instant deletedAt;

    protected Location() {
    }

    Location(UUID tenantId, String name, LocationType locationType, String address, String details, boolean active,
             Instant now) {
        super(tenantId, now);
        this.name = name;
        this.locationType = locationType;
        this.address = address;
        this.details = details;
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

    LocationType locationType() {
        return locationType;
    }

    void locationType(LocationType locationType) {
        this.locationType = locationType;
    }

    String address() {
        return address;
    }

    void address(String address) {
        this.address = address;
    }

    String details() {
        return details;
    }

    void details(String details) {
        this.details = details;
    }

    boolean active() {
        return active;
    }

    void active(boolean active) {
        this.active = active;
    }
}
