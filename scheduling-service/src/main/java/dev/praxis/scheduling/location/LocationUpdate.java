package dev.praxis.scheduling.location;

import dev.praxis.platform.web.Visible;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * {@code PUT /api/v1/locations/{id}}: partial. Absent properties stay unchanged; {@code address} and {@code details}
 * sent as JSON null are cleared (an address only where the location type allows it).
 */
record LocationUpdate(
        @Size(max = 255) @Visible String name,
        LocationType locationType,
        Optional<@Size(max = 1000) String> address,
        Optional<@Size(max = 2000) String> details,
        Boolean isActive) {
}
