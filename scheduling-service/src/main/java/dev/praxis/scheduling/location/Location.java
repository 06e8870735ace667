package dev.praxis.scheduling.location;

import dev.praxis.scheduling.persistence.SoftDeletableEntity;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A place sessions happen. Deleting one that appointments reference only deactivates and marks it deleted. */
@Entity
@Table(name = "location")
class Location extends SoftDeletableEntity {

    private String name;
    @Convert(converter = LocationType.Column.class)
    private LocationType locationType;
    private String address;
    private String details;

    protected Location() {
    }

    Location(UUID tenantId, String name, LocationType locationType, String address, String details, boolean active,
             Instant now) {
        super(tenantId, active, now);
        this.name = name;
        this.locationType = locationType;
        this.address = address;
        this.details = details;
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
}
