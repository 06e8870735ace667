package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.ListWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Users of the caller's tenant, and of one of its branches, for its {@code admin}s only (403 for other roles, 404 across
 * tenants).
 */
@RestController
@PreAuthorize("hasRole('admin')")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    /**
     * Every field optional; {@code is_active: false} deactivates the user and revokes all of their tokens;
     * {@code branch_id} must be a branch of the tenant (404 otherwise).
     */
    record UserUpdate(@Size(max = 255) String fullName, Role role, Boolean isActive, UUID branchId) {
    }

    record UserView(UUID id, String email, String username, String fullName, Role role, UUID tenantId,
                    UUID branchId, boolean isActive) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getEmail(), user.getUsername(), user.getFullName(), user.getRole(),
                    user.getTenantId(), user.getBranchId(), user.isActive());
        }
    }

    @GetMapping("/api/v1/users/{user_id}")
    UserView get(CurrentUser admin, @PathVariable("user_id") UUID userId) {
        return UserView.of(users.get(admin, userId));
    }

    @PutMapping("/api/v1/users/{user_id}")
    UserView update(CurrentUser admin, @PathVariable("user_id") UUID userId, @Valid @RequestBody UserUpdate request) {
        return UserView.of(users.updateByAdmin(admin, userId, request));
    }

    @GetMapping("/api/v1/tenants/{tenant_id}/users")
    ResponseEntity<List<UserView>> listOfTenant(CurrentUser admin, @PathVariable("tenant_id") UUID tenantId,
                                                ListWindow window) {
        if (!tenantId.equals(admin.tenantId())) {
            throw ApiException.notFound("Tenant");
        }
        return ListWindow.respond(users.listOfTenant(tenantId, window), UserView::of);
    }

    @GetMapping("/api/v1/branches/{branch_id}/users")
    ResponseEntity<List<UserView>> listOfBranch(CurrentUser admin, @PathVariable("branch_id") UUID branchId,
                                                ListWindow window) {
        return ListWindow.respond(users.listOfBranch(admin, branchId, window), UserView::of);
    }
}
