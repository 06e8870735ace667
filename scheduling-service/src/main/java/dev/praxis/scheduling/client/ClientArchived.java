package dev.praxis.scheduling.client;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (as a Spring application event, inside the transaction) when a client is deleted, i.e. archived, so that
 * features holding the client's data can follow: appointments cancel the client's future bookings.
 */
public record ClientArchived(UUID tenantId, UUID clientId, Instant archivedAt) {
}
