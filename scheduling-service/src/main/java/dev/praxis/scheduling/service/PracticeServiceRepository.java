package dev.praxis.scheduling.service;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

interface PracticeServiceRepository extends JpaRepository<PracticeService, UUID> {

    @Query("select s from PracticeService s where s.id = :id and s.tenantId = :tenantId and s.deletedAt is null")
    Optional<PracticeService> findLive(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    @Query("""
            select s from PracticeService s
            where s.tenantId = :tenantId and s.deletedAt is null and s.active = :active""")
    Page<PracticeService> findLive(@Param("tenantId") UUID tenantId, @Param("active") boolean active, Pageable pageable);

    /** The live service holding this name, if any (case-insensitive; at most one, by the unique index). */
    @Query("""
            select s.id from PracticeService s
            where s.tenantId = :tenantId and s.deletedAt is null and lower(s.name) = lower(:name)""")
    Optional<UUID> findIdByName(@Param("tenantId") UUID tenantId, @Param("name") String name);

    @Query(value = "select exists (select 1 from appointment where service_id = :id)", nativeQuery = true)
    boolean isReferenced(@Param("id") UUID id);
}
