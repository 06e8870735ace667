package dev.praxis.auth.tenant;

import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.ListWindow;
import dev.praxis.platform.web.Visible;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Celuma tenant management. Creating a tenant is public (the bootstrap of a new installation or practice, see
 * {@code praxis.auth.tenant-signup-enabled}); reading needs a token, any role, and shows the caller's tenant only.
 */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    record CreateTenantRequest(@NotNull @Visible @Size(max = 255) String name,
                               @Size(max = 255) String legalName,
                               @Size(max = 50) String taxId) {
    }

    record TenantSummary(UUID id, String name, String legalName) {
        static TenantSummary of(Tenant tenant) {
            return new TenantSummary(tenant.getId(), tenant.getName(), tenant.getLegalName());
        }
    }

    record TenantDetails(UUID id, String name, String legalName, String taxId) {
        static TenantDetails of(Tenant tenant) {
            return new TenantDetails(tenant.getId(), tenant.getName(), tenant.getLegalName(), tenant.getTaxId());
        }
    }

    @PostMapping({"", "/"})
    TenantSummary create(@Valid @RequestBody CreateTenantRequest request) {
        return TenantSummary.of(tenants.create(request.name().strip(), request.legalName(), request.taxId()));
    }

    @GetMapping({"", "/"})
    ResponseEntity<List<TenantSummary>> list(CurrentUser user, ListWindow window) {
        return ListWindow.respond(tenants.listVisibleTo(user.tenantId(), window), TenantSummary::of);
    }

    @GetMapping("/{tenant_id}")
    TenantDetails get(CurrentUser user, @PathVariable("tenant_id") UUID tenantId) {
        if (!tenantId.equals(user.tenantId())) {
            throw ApiException.notFound("Tenant");
        }
        return tenants.find(tenantId).map(TenantDetails::of).orElseThrow(() -> ApiException.notFound("Tenant"));
    }
}
