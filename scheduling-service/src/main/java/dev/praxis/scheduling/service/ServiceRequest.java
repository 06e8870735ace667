package dev.praxis.scheduling.service;

import dev.praxis.platform.web.Visible;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/services}. */
record ServiceRequest(
        @NotNull @Visible @Size(max = 255) String name,
        @Size(max = 5000) String description,
        @NotNull @Min(1) @Max(480) Integer defaultDurationMinutes,
        Boolean isActive) {
}
