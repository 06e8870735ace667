package dev.praxis.scheduling.client;

import dev.praxis.platform.web.Patterns;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/clients}. */
record ClientRequest(
        @NotBlank @Size(max = 255) String firstName,
        @NotBlank @Size(max = 255) String lastName,
        @Email(regexp = Patterns.EMAIL) @Size(max = 255) String email,
        @Size(max = 50) String phone,
        @PastOrPresent LocalDate dateOfBirth,
        Boolean consentStatus,
        @Size(max = 5000) String notes,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {
}
