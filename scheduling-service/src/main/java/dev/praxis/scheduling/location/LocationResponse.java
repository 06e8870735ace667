package dev.praxis.scheduling.location;

import java.time.Instant;
import java.util.UUID;

record LocationResponse(UUID id, UUID workspaceId, String name, LocationType locationType, String address,
                        String details, boolean isActive, Instant createdAt, Instant updatedAt) {

    static LocationResponse of(Location location) {
        return new LocationResponse(location.id(), location.tenantId(), location.name(), location.locationType(),
                location.address(), location.details(), location.active(), location.createdAt(), location.updatedAt());
    }
}
