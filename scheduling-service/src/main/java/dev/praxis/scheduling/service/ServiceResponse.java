package dev.praxis.scheduling.service;

import java.time.Instant;
import java.util.UUID;

record ServiceResponse(UUID id, UUID workspaceId, String name, String description, int defaultDurationMinutes,
                       boolean isActive, Instant createdAt, Instant updatedAt) {

    static ServiceResponse of(PracticeService service) {
        return new ServiceResponse(service.id(), service.tenantId(), service.name(), service.description(),
                service.defaultDurationMinutes(), service.active(), service.createdAt(), service.updatedAt());
    }
}
