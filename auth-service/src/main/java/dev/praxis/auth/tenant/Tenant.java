package dev.praxis.auth.tenant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tenant")
class Tenant {

    @Id
    private UUID id;
    private String name;
    private String legalName;
    private String taxId;
    private Instant createdAt;
    private Instant updatedAt;

    protected Tenant() {
    }

    Tenant(String name, String legalName, String taxId, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.legalName = legalName;
        this.taxId = taxId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getLegalName() {
        return legalName;
    }

    String getTaxId() {
        return taxId;
    }
}
