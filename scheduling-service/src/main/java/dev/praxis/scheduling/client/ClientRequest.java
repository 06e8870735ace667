package dev.praxis.scheduling.client;

import dev.praxis.platform.web.Texts;
import dev.praxis.platform.web.Visible;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** {@code POST /api/v1/clients}. */
record ClientRequest(
        @NotNull @Visible @Size(max = 255) String firstName,
        @NotNull @Visible @Size(max = 255) String lastName,
        @Email(regexp = Texts.EMAIL) @Size(max = 255) String email,
        @Size(max = 50) String phone,
        @PastOrPresent LocalDate dateOfBirth,
        Boolean consentStatus,
        @Size(max = 5000) String notes,
        @Size(max = 20) List<@NotNull @Visible @Size(max = 50) String> tags) {
}
