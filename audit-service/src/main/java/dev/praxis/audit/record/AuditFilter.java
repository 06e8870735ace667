package dev.praxis.audit.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PazPaz audit filters, always within one tenant. {@code eventType} without a dot matches the verb of any resource
 * ({@code deleted} matches {@code appointment.deleted} and {@code client.deleted}); with a dot it matches exactly.
 */
public record AuditFilter(UUID tenantId, String resourceType, String resourceId, String eventType,
                          OffsetDateTime start, OffsetDateTime end, UUID userId) {

    AuditStore.Sql where() {
        StringBuilder sql = new StringBuilder("where tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (resourceType != null) {
            sql.append(" and resource_type = ?");
            parameters.add(resourceType);
        }
        if (resourceId != null) {
            sql.append(" and resource_id = ?");
            parameters.add(resourceId);
        }
        if (eventType != null) {
            if (eventType.contains(".")) {
                sql.append(" and event_type = ?");
                parameters.add(eventType);
            } else {
                sql.append(" and event_type like ?");
                parameters.add("%." + eventType.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
        }
        if (start != null) {
            sql.append(" and occurred_at >= ?");
            parameters.add(start);
        }
        if (end != null) {
            sql.append(" and occurred_at <= ?");
            parameters.add(end);
        }
        if (userId != null) {
            sql.append(" and user_id = ?");
            parameters.add(userId);
        }
        return new AuditStore.Sql(sql.toString(), parameters);
    }
}
