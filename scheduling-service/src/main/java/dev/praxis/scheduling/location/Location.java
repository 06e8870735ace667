package dev.praxis.scheduling.location;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A place sessions happen. Deleting one that appointments reference only deactivates and marks it deleted. */
@Entity
@Table(name = "location")
class Location {

    @Id
    private UUID id;
    private UUID tenantId;
    private String name;
    @Convert(converter = LocationType.Column.class)
    private LocationType locationType;
    private String address;
    private String details;
    @Column(name = "is_active")
    private boolean active;
    private Instant deletedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Location() {
    }

    Location(UUID tenantId, String name, LocationType locationType, String address, String details, boolean active,
             Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.locationType = locationType;
        this.address = address;
        this.details = details;
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

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
