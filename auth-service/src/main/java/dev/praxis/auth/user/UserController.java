package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Users of the caller's tenant, for its {@code admin}s only (403 for other roles, 404 across tenants). */
@RestController
@PreAuthorize("hasRole('admin')")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    /** Every field optional; {@code is_active: false} deactivates the user and revokes all of their tokens. */
    record UserUpdate(@Size(max = 255) String fullName, Role role, Boolean isActive) {
    }

    record UserView(UUID id, String email, String username, String fullName, Role role, UUID tenantId,
                    boolean isActive) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getEmail(), user.getUsername(), user.getFullName(), user.getRole(),
                    user.getTenantId(), user.isActive());
        }
    }

    @GetMapping("/api/v1/users/{userId}")
    UserView get(CurrentUser admin, @PathVariable("userId") UUID userId) {
        return UserView.of(users.get(admin, userId));
    }

    @PutMapping("/api/v1/users/{userId}")
    UserView update(CurrentUser admin, @PathVariable("userId") UUID userId, @Valid @RequestBody UserUpdate request) {
        return UserView.of(users.updateByAdmin(admin, userId, request));
    }

    @GetMapping("/api/v1/tenants/{tenantId}/users")
    List<UserView> listOfTenant(CurrentUser admin, @PathVariable("tenantId") UUID tenantId) {
        if (!tenantId.equals(admin.tenantId())) {
            throw ApiException.notFound("Tenant");
        }
        return users.listOfTenant(tenantId).stream().map(UserView::of).toList();
    }
}
