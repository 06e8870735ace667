package dev.praxis.auth.branch;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface BranchRepository extends JpaRepository<Branch, UUID> {

    List<Branch> findByTenantIdOrderByCode(UUID tenantId);

    Optional<Branch> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByTenantIdAndCodeIgnoreCase(UUID tenantId, String code);
}
