package dev.praxis.scheduling.service;

import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.PageQuery;
import dev.praxis.platform.web.PageResponse;
import dev.praxis.scheduling.web.ChangedFields;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** The services a practice offers: unique names per workspace, soft delete while appointments use them. */
@Service
class ServiceCatalog {

    private static final Sort BY_NAME = Sort.by("name", "id");

    private final PracticeServiceRepository services;
    private final EventRecorder events;
    private final Clock clock;

    ServiceCatalog(PracticeServiceRepository services, EventRecorder events, Clock clock) {
        this.services = services;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ServiceResponse create(CurrentUser user, ServiceRequest request) {
        String name = request.name().strip();
        requireNameFree(user.tenantId(), name, null);
        PracticeService service = services.saveAndFlush(new PracticeService(user.tenantId(), name,
                request.description(), request.defaultDurationMinutes(),
                request.isActive() == null || request.isActive(), clock.instant()));
        events.record(DomainEvent.of("service.created", "Service", service.id(), Action.CREATE)
                .with("fields", ChangedFields.present("name", name, "description", request.description(),
                        "default_duration_minutes", request.defaultDurationMinutes(), "is_active", request.isActive())));
        return ServiceResponse.of(service);
    }

    @Transactional(readOnly = true)
    ServiceResponse get(CurrentUser user, UUID id) {
        return ServiceResponse.of(live(user, id));
    }

    @Transactional(readOnly = true)
    PageResponse<ServiceResponse> list(CurrentUser user, boolean active, PageQuery page) {
        return PageResponse.of(services.findLive(user.tenantId(), active, page.pageable(BY_NAME)), page,
                ServiceResponse::of);
    }

    @Transactional
    ServiceResponse update(CurrentUser user, UUID id, ServiceUpdate update) {
        PracticeService service = live(user, id);
        String name = update.name() == null ? null : update.name().strip();
        if (name != null) {
            requireNameFree(user.tenantId(), name, service.id());
        }
        ChangedFields changed = new ChangedFields()
                .value("name", name, service::name, service::name)
                .clearable("description", update.description(), service::description, service::description)
                .value("default_duration_minutes", update.defaultDurationMinutes(), service::defaultDurationMinutes,
                        service::defaultDurationMinutes)
                .value("is_active", update.isActive(), service::active, service::active);
        if (!changed.isEmpty()) {
            service.touched(clock.instant());
            services.flush();
            events.record(DomainEvent.of("service.updated", "Service", service.id(), Action.UPDATE)
                    .with("fields", changed.names()));
        }
        return ServiceResponse.of(service);
    }

    /** Soft when appointments reference the service (they keep pointing at it), hard otherwise. */
    @Transactional
    void delete(CurrentUser user, UUID id) {
        PracticeService service = live(user, id);
        boolean referenced = services.isReferenced(service.id());
        if (referenced) {
            service.markDeleted(clock.instant());
        } else {
            services.delete(service);
        }
        services.flush();
        events.record(DomainEvent.of("service.deleted", "Service", service.id(), Action.DELETE)
                .with("mode", referenced ? "soft" : "hard"));
    }

    private PracticeService live(CurrentUser user, UUID id) {
        return services.findLive(user.tenantId(), id).orElseThrow(() -> ApiException.notFound("Service"));
    }

    private void requireNameFree(UUID tenantId, String name, UUID self) {
        services.findIdByName(tenantId, name).filter(holder -> !holder.equals(self)).ifPresent(holder -> {
            throw ApiException.conflict("A service with this name already exists");
        });
    }
}
