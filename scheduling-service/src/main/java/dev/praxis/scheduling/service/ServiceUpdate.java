package dev.praxis.scheduling.service;

import dev.praxis.platform.web.Visible;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/** {@code PUT /api/v1/services/{id}}: partial. Absent properties stay unchanged; a null description is cleared. */
record ServiceUpdate(
        @Size(max = 255) @Visible String name,
        Optional<@Size(max = 5000) String> description,
        @Min(1) @Max(480) Integer defaultDurationMinutes,
        Boolean isActive) {
}
