package dev.praxis.scheduling.appointment;

import dev.praxis.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/**
 * What a booking may point at, checked in one statement: the client active (not archived), the service and the
 * location live (not deleted), all in the caller's tenant. Another tenant's row is absent here, so it is a 404 too.
 * It reads the client, service and location tables directly, as {@link ConflictFinder} reads the client's name: on
 * every booking, one round trip instead of three ORM queries.
 * <p>
 * The client row is share-locked until the booking commits: a client delete (which archives the client, then cancels
 * its future appointments) waits for a booking in flight and cancels it too, and a booking that comes after the archive
 * waits for the delete and finds the client gone.
 */
@Repository
class BookingReferences {

    /** No row has the nil id: "nothing to check". */
    private static final UUID NONE = new UUID(0, 0);

    private static final String SQL = """
            select exists (select 1 from client
                           where tenant_id = :tenantId and id = :clientId and archived_at is null for share),
                   exists (select 1 from service
                           where tenant_id = :tenantId and id = :serviceId and deleted_at is null),
                   exists (select 1 from location
                           where tenant_id = :tenantId and id = :locationId and deleted_at is null)""";

    private final JdbcClient jdbc;

    BookingReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A {@code null} id is not checked (not given, or not changed by an update).
     *
     * @throws ApiException 404 naming the first of client, service, location that is absent, archived or deleted
     */
    void require(UUID tenantId, UUID clientId, UUID serviceId, UUID locationId) {
        if (clientId == null && serviceId == null && locationId == null) {
            return;
        }
        Found found = jdbc.sql(SQL)
                .param("tenantId", tenantId)
                .param("clientId", clientId == null ? NONE : clientId)
                .param("serviceId", serviceId == null ? NONE : serviceId)
                .param("locationId", locationId == null ? NONE : locationId)
                .query((row, rowNum) -> new Found(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3)))
                .single();
        if (clientId != null && !found.client()) {
            throw ApiException.notFound("Client");
        }
        if (serviceId != null && !found.service()) {
            throw ApiException.notFound("Service");
        }
        if (locationId != null && !found.location()) {
            throw ApiException.notFound("Location");
        }
    }

    private record Found(boolean client, boolean service, boolean location) {
    }
}
