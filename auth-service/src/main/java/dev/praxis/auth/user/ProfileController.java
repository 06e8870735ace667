package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.Texts;
import dev.praxis.platform.web.Visible;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The caller's own profile: any authenticated user, any role. */
@RestController
class ProfileController {

    private final UserService users;

    ProfileController(UserService users) {
        this.users = users;
    }

    /** Every field optional; a password change needs both {@code current_password} and {@code new_password}. */
    record ProfileUpdate(@Size(max = 255) String fullName,
                         @Size(min = 3, max = 50, message = UserRules.USERNAME_MESSAGE)
                         @Pattern(regexp = UserRules.USERNAME_PATTERN, message = UserRules.USERNAME_MESSAGE)
                         String username,
                         @Email(regexp = Texts.EMAIL) @Size(min = 3, max = 320) String email,
                         @Size(max = 1024) String currentPassword,
                         @Size(min = UserRules.MIN_PASSWORD, max = Passwords.MAX_BYTES)
                         @Visible String newPassword) {

        /** Never prints passwords. */
        @Override
        public String toString() {
            return "ProfileUpdate[passwordChange=" + (newPassword != null) + "]";
        }
    }

    record Profile(UUID id, String email, String username, String fullName, Role role, UUID tenantId) {
        static Profile of(User user) {
            return new Profile(user.getId(), user.getEmail(), user.getUsername(), user.getFullName(), user.getRole(),
                    user.getTenantId());
        }
    }

    @GetMapping("/api/v1/auth/me")
    Profile me(CurrentUser caller) {
        return Profile.of(users.profile(caller));
    }

    @PutMapping("/api/v1/auth/me")
    Profile update(CurrentUser caller, @Valid @RequestBody ProfileUpdate request) {
        return Profile.of(users.updateProfile(caller, request));
    }
}
