package dev.praxis.auth.user;

import dev.praxis.contracts.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Email and username comparisons use {@code lower(...)}, like the unique and lookup indexes. */
interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByIdAndTenantId(UUID id, UUID tenantId);

    Page<User> findByTenantId(UUID tenantId, Pageable window);

    Page<User> findByTenantIdAndBranchId(UUID tenantId, UUID branchId, Pageable window);

    boolean existsByTenantId(UUID tenantId);

    @Query("select u from User u where lower(u.username) = lower(:username) order by u.createdAt")
    List<User> findByUsername(String username);

    @Query("select u from User u where lower(u.email) = lower(:email) order by u.createdAt")
    List<User> findByEmail(String email);

    @Query("""
            select count(u) > 0 from User u
            where u.tenantId = :tenantId and lower(u.email) = lower(:email) and u.id <> :exceptId""")
    boolean emailTaken(UUID tenantId, String email, UUID exceptId);

    @Query("""
            select count(u) > 0 from User u
            where u.tenantId = :tenantId and lower(u.username) = lower(:username) and u.id <> :exceptId""")
    boolean usernameTaken(UUID tenantId, String username, UUID exceptId);

    @Query("""
            select count(u) from User u
            where u.tenantId = :tenantId and u.role = :role and u.active = true and u.id <> :exceptId""")
    long countActiveWithRole(UUID tenantId, Role role, UUID exceptId);

    /** Counts a failed login in the current window, or starts a new window: one atomic statement. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update app_user set
                failed_logins = case when failure_window_start > :windowStart then failed_logins + 1 else 1 end,
                failure_window_start = case when failure_window_start > :windowStart then failure_window_start
                                            else :now end
            where id = :id""", nativeQuery = true)
    void countFailedLogin(UUID id, Instant now, Instant windowStart);

    /** A transaction-scoped advisory lock on the key, if no other transaction holds it. */
    @Query(value = "select pg_try_advisory_xact_lock(:key)", nativeQuery = true)
    boolean tryLockUntilCommit(long key);

    /** A transaction-scoped advisory lock on the key, waiting for it while another transaction holds it. */
    @Query(value = "select count(*) from pg_advisory_xact_lock(:key)", nativeQuery = true)
    long lockUntilCommit(long key);

    @Query(value = "select failed_logins from app_user where id = :id", nativeQuery = true)
    int failedLogins(UUID id);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update app_user set locked_until = :until, failed_logins = 0, failure_window_start = null
            where id = :id""", nativeQuery = true)
    void lock(UUID id, Instant until);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            update app_user set failed_logins = 0, failure_window_start = null
            where id = :id and failed_logins > 0""", nativeQuery = true)
    void clearFailedLogins(UUID id);
}
