package dev.praxis.auth.tenant;

import dev.praxis.auth.AuthProperties;
import dev.praxis.contracts.events.Action;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.ListWindow;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Tenants: created here, looked up by the other features of the service. */
@Service
public class Tenants {

    private final TenantRepository tenants;
    private final EventRecorder events;
    private final AuthProperties properties;
    private final Clock clock;

    Tenants(TenantRepository tenants, EventRecorder events, AuthProperties properties, Clock clock) {
        this.tenants = tenants;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Tenant create(String name, String legalName, String taxId) {
        if (!properties.tenantSignupEnabled()) {
            throw ApiException.forbidden("Tenant sign-up is disabled");
        }
        Tenant tenant = tenants.save(new Tenant(name, legalName, taxId, clock.instant()));
        events.record(DomainEvent.of("tenant.created", "Tenant", tenant.getId(), Action.CREATE).tenant(tenant.getId()));
        return tenant;
    }

    @Transactional(readOnly = true)
    Optional<Tenant> find(UUID id) {
        return tenants.findById(id);
    }

    /** The tenants a caller sees: their own only. */
    @Transactional(readOnly = true)
    Page<Tenant> listVisibleTo(UUID callerTenantId, ListWindow window) {
        return tenants.findById(callerTenantId, window.pageable(Sort.by("name")));
    }

    /**
     * Locks the tenant row until the transaction ends, so that concurrent registrations into one tenant are decided one
     * after the other (only one of them can be the first user).
     *
     * @return false when there is no such tenant
     */
    @Transactional
    public boolean lock(UUID tenantId) {
        return tenants.findByIdForUpdate(tenantId).isPresent();
    }

    /** The names of these tenants, by id (for tenant selection and magic-link mails). */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> tenantIds) {
        return tenants.findAllById(tenantIds).stream().collect(Collectors.toMap(Tenant::getId, Tenant::getName));
    }
}
