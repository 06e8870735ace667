package dev.praxis.scheduling.client;

import dev.praxis.platform.web.Texts;
import dev.praxis.platform.web.Visible;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code PUT /api/v1/clients/{id}}: partial. Absent properties stay unchanged; {@code email}, {@code phone},
 * {@code date_of_birth} and {@code notes} sent as JSON null are cleared; {@code tags: []} removes all tags.
 */
record ClientUpdate(
        @Size(max = 255) @Visible String firstName,
        @Size(max = 255) @Visible String lastName,
        Optional<@Email(regexp = Texts.EMAIL) @Size(max = 255) String> email,
        Optional<@Size(max = 50) String> phone,
        Optional<@PastOrPresent LocalDate> dateOfBirth,
        Boolean consentStatus,
        Optional<@Size(max = 5000) String> notes,
        @Size(max = 20) List<@NotNull @Visible @Size(max = 50) String> tags) {
}
