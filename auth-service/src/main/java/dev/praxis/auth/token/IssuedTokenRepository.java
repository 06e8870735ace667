package dev.praxis.auth.token;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface IssuedTokenRepository extends JpaRepository<IssuedToken, UUID> {

    boolean existsByJtiAndRevokedAtIsNull(UUID jti);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from IssuedToken t where t.jti = :jti")
    Optional<IssuedToken> findByIdForUpdate(UUID jti);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from IssuedToken t where t.userId = :userId and t.revokedAt is null and t.expiresAt > :now")
    List<IssuedToken> findLiveForUpdate(UUID userId, Instant now);

    List<IssuedToken> findByRevokedAtIsNotNullAndExpiresAtAfterOrderByExpiresAt(Instant now);

    @Modifying
    @Query("delete from IssuedToken t where t.expiresAt < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
