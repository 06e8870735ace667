package dev.praxis.scheduling.service;

import dev.praxis.platform.web.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** For other features that reference a service: it must exist in the caller's tenant and not be deleted. */
@Component
public class ServiceLookup {

    private final PracticeServiceRepository services;

    ServiceLookup(PracticeServiceRepository services) {
        this.services = services;
    }

    /** @throws ApiException 404 when the service is absent, deleted or another tenant's */
    @Transactional(readOnly = true)
    public void requireLive(UUID tenantId, UUID serviceId) {
        if (services.findLive(tenantId, serviceId).isEmpty()) {
            throw ApiException.notFound("Service");
        }
    }
}
