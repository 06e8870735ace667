package dev.praxis.auth.branch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "branch")
class Branch {

    @Id
    private UUID id;
    private UUID tenantId;
    private String code;
    private String name;
    private String timezone;
    private String addressLine1;
    private String addressLine2;
    private String city;
    private String state;
    private String postalCode;
    private String country;
    @Column(name = "is_active")
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;

    protected Branch() {
    }

    Branch(UUID tenantId, BranchController.CreateBranchRequest request, String timezone, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.code = request.code().strip();
        this.name = request.name().strip();
        this.timezone = timezone;
        this.addressLine1 = request.addressLine1();
        this.addressLine2 = request.addressLine2();
        this.city = request.city();
        this.state = request.state();
        this.postalCode = request.postalCode();
        this.country = request.country();
        this.active = request.isActive() == null || request.isActive();
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getTenantId() {
        return tenantId;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getTimezone() {
        return timezone;
    }

    String getAddressLine1() {
        return addressLine1;
    }

    String getAddressLine2() {
        return addressLine2;
    }

    String getCity() {
        return city;
    }

    String getState() {
        return state;
    }

    String getPostalCode() {
        return postalCode;
    }

    String getCountry() {
        return country;
    }

    boolean isActive() {
        return active;
    }
}
