package dev.praxis.scheduling.appointment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AppointmentRepository extends JpaRepository<Appointment, UUID> {

    Optional<Appointment> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByIdAndTenantId(UUID id, UUID tenantId);

    @Query("""
            select a from Appointment a
            where a.tenantId = :tenantId and a.clientId = :clientId and a.status = :status and a.scheduledStart > :after
            order by a.scheduledStart""")
    List<Appointment> findStartingAfter(@Param("tenantId") UUID tenantId, @Param("clientId") UUID clientId,
                                        @Param("status") AppointmentStatus status, @Param("after") Instant after);
}
