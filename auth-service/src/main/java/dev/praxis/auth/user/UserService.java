package dev.praxis.auth.user;

import dev.praxis.auth.branch.BranchService;
import dev.praxis.auth.tenant.Tenants;
import dev.praxis.auth.token.AccessTokens;
import dev.praxis.auth.token.RevocationReason;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.security.Role;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import dev.praxis.platform.security.CurrentUser;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.ListWindow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registration, profile changes and the admin's changes to users; each change is recorded as an event. */
@Service
class UserService {

    private static final UUID NOBODY = new UUID(0, 0);
    /** Emails are unique within a tenant, so windows over this order never overlap. */
    private static final Sort BY_EMAIL = Sort.by("email");

    private final UserRepository users;
    private final Passwords passwords;
    private final Accounts accounts;
    private final Tenants tenants;
    private final BranchService branches;
    private final AccessTokens tokens;
    private final EventRecorder events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    UserService(UserRepository users, Passwords passwords, Accounts accounts, Tenants tenants,
                BranchService branches, AccessTokens tokens, EventRecorder events, ApplicationEventPublisher publisher,
                Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.accounts = accounts;
        this.tenants = tenants;
        this.branches = branches;
        this.tokens = tokens;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Without a token: allowed only while the tenant has no user, and that first user is its {@code admin}. With a
     * token: an {@code admin} of the tenant registers a user with any role ({@code viewer} when none is given). A
     * {@code branch_id} must be a branch of the tenant.
     */
    @Transactional
    User register(RegistrationController.RegistrationRequest request, Optional<CurrentUser> caller) {
        UUID tenantId = request.tenantId() != null ? request.tenantId() : caller.map(CurrentUser::tenantId)
                .orElseThrow(() -> ApiException.invalidField("tenant_id", "Field required", "missing"));
        Role role;
        boolean firstUser = caller.isEmpty();
        if (caller.isPresent()) {
            if (!tenantId.equals(caller.get().tenantId())) {
                throw ApiException.forbidden("tenant_id does not belong to your tenant");
            }
            caller.get().requireAnyRole(Role.ADMIN);
            tenants.lock(tenantId);
            role = request.role() != null ? request.role() : Role.VIEWER;
        } else {
            if (!tenants.lock(tenantId)) {
                throw ApiException.notFound("Tenant");
            }
            if (users.existsByTenantId(tenantId)) {
                throw new ApiException(HttpStatus.UNAUTHORIZED, "Not authenticated", bearerChallenge());
            }
            role = Role.ADMIN;
        }
        if (request.branchId() != null) {
            requireBranchOf(tenantId, request.branchId());
        }
        String email = Emails.toStore(request.email());
        String username = blankToNull(request.username());
        requireFree(tenantId, email, username, NOBODY);
        User user = users.saveAndFlush(new User(tenantId, request.branchId(), email, username,
                blankToNull(request.fullName()), passwords.hash("password", request.password()), role,
                clock.instant()));
        events.record(DomainEvent.of("user.created", "User", user.getId(), Action.CREATE)
                .tenant(tenantId)
                .with("role", role.value())
                .with("first_user", firstUser));
        return user;
    }

    @Transactional(readOnly = true)
    User profile(CurrentUser caller) {
        return users.findByIdAndTenantId(caller.userId(), caller.tenantId())
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    /**
     * The caller's own changes; a new password needs the current one (a wrong one counts towards the lockout) and ends
     * every other session of the user.
     */
    @Transactional
    User updateProfile(CurrentUser caller, ProfileController.ProfileUpdate request) {
        User user = profile(caller);
        Instant now = clock.instant();
        List<String> changed = new ArrayList<>();
        if (request.currentPassword() != null || request.newPassword() != null) {
            accounts.holdForChange(user.getId());
            changePassword(user, request.currentPassword(), request.newPassword(), now);
            changed.add("password");
            tokens.revokeAllOfExcept(user.getId(), UUID.fromString(caller.tokenId()), RevocationReason.PASSWORD_CHANGED);
        }
        String email = Emails.toStore(blankToNull(request.email()));
        if (email != null && !email.equals(user.getEmail())) {
            requireFree(user.getTenantId(), email, null, user.getId());
            user.changeEmail(email, now);
            changed.add("email");
        }
        String username = blankToNull(request.username());
        if (username != null && !username.equals(user.getUsername())) {
            requireFree(user.getTenantId(), null, username, user.getId());
            user.changeUsername(username, now);
            changed.add("username");
        }
        if (request.fullName() != null && !request.fullName().equals(user.getFullName())) {
            user.changeFullName(request.fullName(), now);
            changed.add("full_name");
        }
        recordUpdate(user, changed);
        if (changed.contains("password") || changed.contains("email")) {
            publisher.publishEvent(new SignInChanged(user.getId()));
        }
        return user;
    }

    @Transactional(readOnly = true)
    User get(CurrentUser admin, UUID userId) {
        return users.findByIdAndTenantId(userId, admin.tenantId()).orElseThrow(() -> ApiException.notFound("User"));
    }

    @Transactional(readOnly = true)
    Page<User> listOfTenant(UUID tenantId, ListWindow window) {
        return users.findByTenantId(tenantId, window.pageable(BY_EMAIL));
    }

    /** The users working at one of the admin's branches; another tenant's branch is not found. */
    @Transactional(readOnly = true)
    Page<User> listOfBranch(CurrentUser admin, UUID branchId, ListWindow window) {
        requireBranchOf(admin.tenantId(), branchId);
        return users.findByTenantIdAndBranchId(admin.tenantId(), branchId, window.pageable(BY_EMAIL));
    }

    /**
     * An admin changes a user of the tenant. Deactivation and a role change revoke every live token of the user (a
     * token must not carry a role the user no longer has). A tenant always keeps one active admin.
     */
    @Transactional
    User updateByAdmin(CurrentUser admin, UUID userId, UserController.UserUpdate request) {
        tenants.lock(admin.tenantId());
        User user = get(admin, userId);
        accounts.holdForChange(user.getId());
        Instant now = clock.instant();
        boolean wasActiveAdmin = user.isActive() && user.getRole() == Role.ADMIN;
        List<String> changed = new ArrayList<>();
        if (request.fullName() != null && !request.fullName().equals(user.getFullName())) {
            user.changeFullName(request.fullName(), now);
            changed.add("full_name");
        }
        if (request.role() != null && request.role() != user.getRole()) {
            user.changeRole(request.role(), now);
            changed.add("role");
        }
        if (request.branchId() != null && !request.branchId().equals(user.getBranchId())) {
            requireBranchOf(user.getTenantId(), request.branchId());
            user.changeBranch(request.branchId(), now);
            changed.add("branch_id");
        }
        boolean deactivated = false;
        if (request.isActive() != null && request.isActive() != user.isActive()) {
            user.changeActive(request.isActive(), now);
            deactivated = !request.isActive();
            if (!deactivated) {
                changed.add("is_active");
            }
        }
        if (wasActiveAdmin && !(user.isActive() && user.getRole() == Role.ADMIN)
                && users.countActiveWithRole(user.getTenantId(), Role.ADMIN, user.getId()) == 0) {
            throw ApiException.conflict("A tenant needs at least one active admin");
        }
        recordUpdate(user, changed);
        if (changed.contains("role") && !deactivated) {
            users.flush();
            tokens.revokeAllOf(user.getId(), RevocationReason.ROLE_CHANGED);
        }
        if (deactivated) {
            users.flush();
            int revoked = tokens.revokeAllOf(user.getId(), RevocationReason.USER_DEACTIVATED);
            publisher.publishEvent(new SignInChanged(user.getId()));
            events.record(DomainEvent.of("user.deactivated", "User", user.getId(), Action.UPDATE)
                    .with("revoked_tokens", revoked));
        }
        return user;
    }

    private void changePassword(User user, String currentPassword, String newPassword, Instant now) {
        if (currentPassword == null) {
            throw ApiException.invalidField("current_password", "Field required", "missing");
        }
        if (newPassword == null) {
            throw ApiException.invalidField("new_password", "Field required", "missing");
        }
        if (user.isLockedAt(now)) {
            throw incorrectCurrentPassword();
        }
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            accounts.recordWrongCurrentPassword(user.getId());
            throw incorrectCurrentPassword();
        }
        user.changePasswordHash(passwords.hash("new_password", newPassword), now);
    }

    private void requireBranchOf(UUID tenantId, UUID branchId) {
        if (!branches.existsInTenant(branchId, tenantId)) {
            throw ApiException.notFound("Branch");
        }
    }

    private void requireFree(UUID tenantId, String email, String username, UUID exceptId) {
        if (email != null && users.emailTaken(tenantId, email, exceptId)) {
            throw ApiException.conflict("Email already registered in this tenant");
        }
        if (username != null && users.usernameTaken(tenantId, username, exceptId)) {
            throw ApiException.conflict("Username already taken in this tenant");
        }
    }

    private void recordUpdate(User user, List<String> changed) {
        if (!changed.isEmpty()) {
            users.flush();
            events.record(DomainEvent.of("user.updated", "User", user.getId(), Action.UPDATE)
                    .tenant(user.getTenantId())
                    .with("fields", List.copyOf(changed)));
        }
    }

    private static ApiException incorrectCurrentPassword() {
        return ApiException.invalidField("current_password", "Current password is incorrect", "value_error.password");
    }

    private static HttpHeaders bearerChallenge() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return headers;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
