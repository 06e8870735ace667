package dev.praxis.scheduling.location;

import dev.praxis.platform.web.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** For other features that reference a location: it must exist in the caller's tenant and not be deleted. */
@Component
public class LocationLookup {

    private final LocationRepository locations;

    LocationLookup(LocationRepository locations) {
        this.locations = locations;
    }

    /** @throws ApiException 404 when the location is absent, deleted or another tenant's */
    @Transactional(readOnly = true)
    public void requireLive(UUID tenantId, UUID locationId) {
        if (locations.findLive(tenantId, locationId).isEmpty()) {
            throw ApiException.notFound("Location");
        }
    }
}
