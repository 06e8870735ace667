package dev.praxis.scheduling.location;

import dev.praxis.platform.web.Visible;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/locations}. {@code address} is required for clinic and home locations. */
record LocationRequest(
        @NotNull @Visible @Size(max = 255) String name,
        @NotNull LocationType locationType,
        @Size(max = 1000) String address,
        @Size(max = 2000) String details,
        Boolean isActive) {
}
