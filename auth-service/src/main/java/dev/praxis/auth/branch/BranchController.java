package dev.praxis.auth.branch;

import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.ListWindow;
import dev.praxis.platform.web.Visible;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Celuma branch management. Creating a branch is for {@code admin}; reading is for every role of the tenant. Another
 * tenant's branches do not exist (404).
 */
@RestController
class BranchController {

    private static final Sort BY_CODE = Sort.by("code");

    private final BranchService service;
    private final BranchRepository branches;

    BranchController(BranchService service, BranchRepository branches) {
        this.service = service;
        this.branches = branches;
    }

    /** {@code tenant_id} is optional; when present it must be the caller's tenant. */
    record CreateBranchRequest(UUID tenantId,
                               @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                                       message = "Use letters, digits, '.', '_' or '-'") String code,
                               @NotNull @Visible @Size(max = 255) String name,
                               @Size(max = 64) String timezone,
                               @Size(max = 255) String addressLine1,
                               @Size(max = 255) String addressLine2,
                               @Size(max = 100) String city,
                               @Size(max = 100) String state,
                               @Size(max = 20) String postalCode,
                               @Size(max = 100) String country,
                               Boolean isActive) {
    }

    record BranchSummary(UUID id, String code, String name, UUID tenantId) {
        static BranchSummary of(Branch branch) {
            return new BranchSummary(branch.getId(), branch.getCode(), branch.getName(), branch.getTenantId());
        }
    }

    record BranchDetails(UUID id, String code, String name, String timezone, String addressLine1, String addressLine2,
                         String city, String state, String postalCode, String country, boolean isActive,
                         UUID tenantId) {
        static BranchDetails of(Branch branch) {
            return new BranchDetails(branch.getId(), branch.getCode(), branch.getName(), branch.getTimezone(),
                    branch.getAddressLine1(), branch.getAddressLine2(), branch.getCity(), branch.getState(),
                    branch.getPostalCode(), branch.getCountry(), branch.isActive(), branch.getTenantId());
        }
    }

    /** An item of {@code GET /api/v1/tenants/{id}/branches}. */
    record TenantBranch(UUID id, String name, String code) {
        static TenantBranch of(Branch branch) {
            return new TenantBranch(branch.getId(), branch.getName(), branch.getCode());
        }
    }

    @PostMapping({"/api/v1/branches", "/api/v1/branches/"})
    @PreAuthorize("hasRole('admin')")
    BranchSummary create(CurrentUser user, @Valid @RequestBody CreateBranchRequest request) {
        if (request.tenantId() != null && !request.tenantId().equals(user.tenantId())) {
            throw ApiException.forbidden("tenant_id does not belong to your tenant");
        }
        return BranchSummary.of(service.create(user.tenantId(), request));
    }

    @GetMapping({"/api/v1/branches", "/api/v1/branches/"})
    ResponseEntity<List<BranchSummary>> list(CurrentUser user, ListWindow window) {
        return ListWindow.respond(branches.findByTenantId(user.tenantId(), window.pageable(BY_CODE)),
                BranchSummary::of);
    }

    @GetMapping("/api/v1/branches/{branch_id}")
    BranchDetails get(CurrentUser user, @PathVariable("branch_id") UUID branchId) {
        return branches.findByIdAndTenantId(branchId, user.tenantId()).map(BranchDetails::of)
                .orElseThrow(() -> ApiException.notFound("Branch"));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/branches")
    ResponseEntity<List<TenantBranch>> listOfTenant(CurrentUser user, @PathVariable("tenant_id") UUID tenantId,
                                                    ListWindow window) {
        if (!tenantId.equals(user.tenantId())) {
            throw ApiException.notFound("Tenant");
        }
        return ListWindow.respond(branches.findByTenantId(tenantId, window.pageable(BY_CODE)), TenantBranch::of);
    }
}
