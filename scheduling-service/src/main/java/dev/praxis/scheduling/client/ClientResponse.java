package dev.praxis.scheduling.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

record ClientResponse(UUID id, UUID workspaceId, String firstName, String lastName, String email, String phone,
                      LocalDate dateOfBirth, boolean consentStatus, String notes, List<String> tags,
                      Instant createdAt, Instant updatedAt) {

    static ClientResponse of(Client client) {
        return new ClientResponse(client.id(), client.tenantId(), client.firstName(), client.lastName(),
                client.email(), client.phone(), client.dateOfBirth(), client.consentStatus(), client.notes(),
                client.tags(), client.createdAt(), client.updatedAt());
    }
}
