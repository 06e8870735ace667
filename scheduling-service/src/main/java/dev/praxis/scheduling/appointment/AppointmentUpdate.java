package dev.praxis.scheduling.appointment;

import dev.praxis.scheduling.location.LocationType;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code PUT /api/v1/appointments/{id}}: partial. Absent properties stay unchanged; {@code service_id},
 * {@code location_id}, {@code location_details} and {@code notes} sent as JSON null are cleared. A change of time or
 * status re-checks conflicts.
 */
record AppointmentUpdate(
        UUID clientId,
        Optional<UUID> serviceId,
        Optional<UUID> locationId,
        Instant scheduledStart,
        Instant scheduledEnd,
        LocationType locationType,
        Optional<@Size(max = 1000) String> locationDetails,
        AppointmentStatus status,
        Optional<@Size(max = 5000) String> notes) {
}
