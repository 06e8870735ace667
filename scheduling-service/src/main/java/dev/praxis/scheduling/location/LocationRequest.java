package dev.praxis.scheduling.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/locations}. {@code address} is required for clinic and home locations. */
record LocationRequest(
        @NotBlank @Size(max = 255) String name,
        @NotNull LocationType locationType,
        @Size(max = 1000) String address,
        @Size(max = 2000) String details,
        Boolean isActive) {
}
