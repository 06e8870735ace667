package dev.praxis.audit.record;

import java.time.Instant;
import java.util.UUID;

/** One stored audit record, exactly as kept in the database and hashed into its tenant's chain. */
public record AuditRecord(
        UUID id,
        UUID eventId,
        UUID tenantId,
        long sequence,
        String previousHash,
        String hash,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        Instant recordedAt,
        String producer,
        String resourceType,
        String resourceId,
        String action,
        String outcome,
        UUID userId,
        String ip,
        String requestId,
        String traceparent,
        String metadata) {

    AuditRecord withHashOfItself() {
        return withHash(ChainHash.of(this));
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(id, eventId, tenantId, sequence, previousHash, newHash, eventType, eventVersion,
                occurredAt, recordedAt, producer, resourceType, resourceId, action, outcome, userId, ip, requestId,
                traceparent, metadata);
    }
}
