package dev.praxis.scheduling.appointment;

import dev.praxis.scheduling.location.LocationType;

import java.time.Instant;
import java.util.UUID;

record AppointmentResponse(UUID id, UUID workspaceId, UUID clientId, UUID serviceId, UUID locationId,
                           Instant scheduledStart, Instant scheduledEnd, LocationType locationType,
                           String locationDetails, AppointmentStatus status, String notes,
                           Instant createdAt, Instant updatedAt) {

    static AppointmentResponse of(Appointment appointment) {
        return new AppointmentResponse(appointment.id(), appointment.tenantId(), appointment.clientId(),
                appointment.serviceId(), appointment.locationId(), appointment.scheduledStart(),
                appointment.scheduledEnd(), appointment.locationType(), appointment.locationDetails(),
                appointment.status(), appointment.notes(), appointment.createdAt(), appointment.updatedAt());
    }
}
