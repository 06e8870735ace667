package dev.praxis.scheduling.location;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

interface LocationRepository extends JpaRepository<Location, UUID> {

    @Query("select l from Location l where l.id = :id and l.tenantId = :tenantId and l.deletedAt is null")
    Optional<Location> findLive(@Param("tenantId") UUID tenantId, @Param("id") UUID id);

    @Query("""
            select l from Location l
            where l.tenantId = :tenantId and l.deletedAt is null and l.active = :active
              and (:type is null or l.locationType = :type)""")
    Page<Location> findLive(@Param("tenantId") UUID tenantId, @Param("active") boolean active,
                            @Param("type") LocationType type, Pageable pageable);

    /** The live location holding this name, if any (case-insensitive; at most one, by the unique index). */
    @Query("select l.id from Location l where l.tenantId = :tenantId and l.deletedAt is null and lower(l.name) = lower(:name)")
    Optional<UUID> findIdByName(@Param("tenantId") UUID tenantId, @Param("name") String name);

    @Query(value = "select exists (select 1 from appointment where location_id = :id)", nativeQuery = true)
    boolean isReferenced(@Param("id") UUID id);
}
