package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.Texts;
import dev.praxis.platform.web.Visible;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code POST /api/v1/auth/register} (Celuma). Public while the tenant has no user (the first user becomes its
 * {@code admin}); afterwards only an {@code admin} of the tenant may register users (401 without a token, 403
 * otherwise). An optional {@code branch_id} must be a branch of the tenant (404 otherwise).
 */
@RestController
class RegistrationController {

    private final UserService users;

    RegistrationController(UserService users) {
        this.users = users;
    }

    record RegistrationRequest(@NotBlank @Email(regexp = Texts.EMAIL) @Size(max = 320) String email,
                               @Size(min = 3, max = 50, message = UserRules.USERNAME_MESSAGE)
                               @Pattern(regexp = UserRules.USERNAME_PATTERN, message = UserRules.USERNAME_MESSAGE)
                               String username,
                               @NotNull @Visible @Size(min = UserRules.MIN_PASSWORD, max = Passwords.MAX_BYTES)
                               String password,
                               @Size(max = 255) String fullName,
                               Role role,
                               UUID tenantId,
                               UUID branchId) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "RegistrationRequest[tenantId=" + tenantId + ", branchId=" + branchId + ", role=" + role + "]";
        }
    }

    record RegisteredUser(UUID id, String email, String username, String fullName, Role role) {
        static RegisteredUser of(User user) {
            return new RegisteredUser(user.getId(), user.getEmail(), user.getUsername(), user.getFullName(),
                    user.getRole());
        }
    }

    @PostMapping("/api/v1/auth/register")
    RegisteredUser register(@Valid @RequestBody RegistrationRequest request) {
        return RegisteredUser.of(users.register(request, CurrentUser.current()));
    }
}
