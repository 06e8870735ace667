package dev.praxis.auth.magiclink;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface MagicLinkRepository extends JpaRepository<MagicLink, UUID> {

    /** Locks the link, so that two concurrent uses of one token cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from MagicLink l where l.tokenHash = :tokenHash")
    Optional<MagicLink> findByTokenHashForUpdate(byte[] tokenHash);

    long countByUserIdAndUsedAtIsNullAndExpiresAtAfter(UUID userId, Instant now);

    @Query("select l.userId from MagicLink l where l.tokenHash = :tokenHash")
    Optional<UUID> findUserIdByTokenHash(byte[] tokenHash);

    /** Ends the unused, unexpired links of a user now (refused afterwards as expired, not as used). */
    @Modifying
    @Query("update MagicLink l set l.expiresAt = :now where l.userId = :userId and l.usedAt is null"
            + " and l.expiresAt > :now")
    int expireUnused(UUID userId, Instant now);

    @Modifying
    @Query("delete from MagicLink l where l.expiresAt < :cutoff")
    int deleteExpiredBefore(Instant cutoff);
}
