package dev.praxis.scheduling.appointment;

import dev.praxis.scheduling.persistence.TenantEntity;
import dev.praxis.platform.crypto.EncryptedStringConverter;
import dev.praxis.scheduling.location.LocationType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A booked session. References are plain ids (checked against the tenant when set, and by composite foreign keys in
 * the database), so lists never load other entities. Notes and location details are encrypted at rest.
 */
@Entity
@Table(name = "appointment")
class Appointment extends TenantEntity {

    private UUID clientId;
    private UUID serviceId;
    private UUID locationId;
    private Instant scheduledStart;
    private Instant scheduledEnd;
    @Convert(converter = LocationType.Column.class)
    private LocationType locationType;
    @Convert(converter = EncryptedStringConverter.class)
    private String locationDetails;
    @Convert(converter = AppointmentStatus.Column.class)
    private AppointmentStatus status;
    @Convert(converter = EncryptedStringConverter.class)
    private String notes;

    protected Appointment() {
    }

    Appointment(UUID tenantId, UUID clientId, Instant now) {
        super(tenantId, now);
        this.clientId = clientId;
        this.status = AppointmentStatus.SCHEDULED;
    }

    UUID clientId() {
        return clientId;
    }

    void clientId(UUID clientId) {
        this.clientId = clientId;
    }

    UUID serviceId() {
        return serviceId;
    }

    void serviceId(UUID serviceId) {
        this.serviceId = serviceId;
    }

    UUID locationId() {
        return locationId;
    }

    void locationId(UUID locationId) {
        this.locationId = locationId;
    }

    Instant scheduledStart() {
        return scheduledStart;
    }

    void scheduledStart(Instant scheduledStart) {
        this.scheduledStart = scheduledStart;
    }

    Instant scheduledEnd() {
        return scheduledEnd;
    }

    void scheduledEnd(Instant scheduledEnd) {
        this.scheduledEnd = scheduledEnd;
    }

    LocationType locationType() {
        return locationType;
    }

    void locationType(LocationType locationType) {
        this.locationType = locationType;
    }

    String locationDetails() {
        return locationDetails;
    }

    void locationDetails(String locationDetails) {
        this.locationDetails = locationDetails;
    }

    AppointmentStatus status() {
        return status;
    }

    void status(AppointmentStatus status) {
        this.status = status;
    }

    String notes() {
        return notes;
    }

    void notes(String notes) {
        this.notes = notes;
    }
}
