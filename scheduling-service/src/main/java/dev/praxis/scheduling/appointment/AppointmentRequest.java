package dev.praxis.scheduling.appointment;

import dev.praxis.scheduling.location.LocationType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /api/v1/appointments}. Datetimes must carry an offset; {@code status} defaults to {@code scheduled}.
 * Referenced client, service and location must be the caller's (404 otherwise).
 */
record AppointmentRequest(
        @NotNull UUID clientId,
        UUID serviceId,
        UUID locationId,
        @NotNull Instant scheduledStart,
        @NotNull Instant scheduledEnd,
        @NotNull LocationType locationType,
        @Size(max = 1000) String locationDetails,
        AppointmentStatus status,
        @Size(max = 5000) String notes) {
}
