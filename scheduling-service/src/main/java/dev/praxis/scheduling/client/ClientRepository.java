package dev.praxis.scheduling.client;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

interface ClientRepository extends JpaRepository<Client, UUID> {

    /** A client of the tenant that is not archived. */
    @Query("select c from Client c where c.id = :id and c.tenantId = :tenantId and c.archivedAt is null")
    Optional<Client> findActive(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    @Query("select c from Client c where c.tenantId = :tenantId and c.archivedAt is null")
    Page<Client> findActive(@Param("tenantId") UUID tenantId, Pageable pageable);

    boolean existsByIdAndTenantId(UUID id, UUID tenantId);
}
