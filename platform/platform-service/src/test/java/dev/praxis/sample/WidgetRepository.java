package dev.praxis.sample;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface WidgetRepository extends JpaRepository<Widget, UUID> {

    Page<Widget> findByTenantId(UUID tenantId, Pageable pageable);

    Optional<Widget> findByIdAndTenantId(UUID id, UUID tenantId);
}
