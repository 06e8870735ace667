package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An account: one person's membership of one tenant, with a single role. */
@Entity
@Table(name = "app_user")
class User {

    @Id
    private UUID id;
    private UUID tenantId;
    private UUID branchId;
    private String email;
    private String username;
    private String fullName;
    private String passwordHash;
    @Convert(converter = RoleConverter.class)
    private Role role;
    @Column(name = "is_active")
    private boolean active;
    private Instant lockedUntil;
    private Instant createdAt;
    private Instant updatedAt;

    protected User() {
    }

    User(UUID tenantId, UUID branchId, String email, String username, String fullName, String passwordHash, Role role,
         Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.branchId = branchId;
        this.email = email;
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Account toAccount() {
        return new Account(id, tenantId, email, role, active, lockedUntil);
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void changeEmail(String email, Instant now) {
        this.email = email;
        this.updatedAt = now;
    }

    void changeUsername(String username, Instant now) {
        this.username = username;
        this.updatedAt = now;
    }

    void changeFullName(String fullName, Instant now) {
        this.fullName = fullName;
        this.updatedAt = now;
    }

    void changePasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    void changeRole(Role role, Instant now) {
        this.role = role;
        this.updatedAt = now;
    }

    void changeActive(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    void changeBranch(UUID branchId, Instant now) {
        this.branchId = branchId;
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getTenantId() {
        return tenantId;
    }

    /** The branch the user works at, if any; always one of the tenant's. */
    UUID getBranchId() {
        return branchId;
    }

    String getEmail() {
        return email;
    }

    String getUsername() {
        return username;
    }

    String getFullName() {
        return fullName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isActive() {
        return active;
    }
}
