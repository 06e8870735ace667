package dev.praxis.auth.user;

import dev.praxis.auth.AuthProperties;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts as the login features (password and magic link) use them: lookup across tenants, password checks and the
 * per-account lockout ({@code praxis.auth.lockout}).
 */
@Service
public class Accounts {

    private final UserRepository users;
    private final EntityManager entityManager;
    private final Passwords passwords;
    private final AuthProperties.Lockout lockout;
    private final Clock clock;

    Accounts(UserRepository users, EntityManager entityManager, Passwords passwords, AuthProperties properties,
             Clock clock) {
        this.users = users;
        this.entityManager = entityManager;
        this.passwords = passwords;
        this.lockout = properties.lockout();
        this.clock = clock;
    }

    /**
     * The accounts a login names: those whose username matches (in any case), else those whose email matches (in any
     * case); only in {@code tenantId} when it is given. Inactive and locked accounts included.
     */
    @Transactional(readOnly = true)
    public List<Account> findForLogin(String usernameOrEmail, UUID tenantId) {
        String name = Emails.normalize(usernameOrEmail);
        List<User> found = users.findByUsername(name);
        if (tenantId != null) {
            found = found.stream().filter(user -> user.getTenantId().equals(tenantId)).toList();
        }
        if (found.isEmpty()) {
            found = users.findByEmail(name).stream()
                    .filter(user -> tenantId == null || user.getTenantId().equals(tenantId)).toList();
        }
        return found.stream().map(User::toAccount).toList();
    }

    /**
     * Claims the accounts for one login attempt until the transaction ends and answers them as they are now, or empty
     * when another attempt holds one of them: attempts on an account are checked one after the other, never side by
     * side, so each sees the failures counted and the lock set before it (a burst cannot test more guesses than the
     * lockout allows), and an attempt that would have to wait holds no database connection while it does.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<List<Account>> claimForLogin(List<Account> accounts) {
        for (Account account : accounts) {
            if (!users.tryLockUntilCommit(lockKey(account.id()))) {
                return Optional.empty();
            }
        }
        return Optional.of(accounts.stream()
                .flatMap(account -> users.findById(account.id()).stream())
                .map(user -> {
                    entityManager.refresh(user);
                    return user.toAccount();
                })
                .toList());
    }

    /**
     * Waits until no login attempt holds the account ({@link #claimForLogin}), then holds it until the transaction ends:
     * for a change that revokes the user's tokens (deactivation, a new role, a new password) and for a magic-link
     * login. A token a login issues is then either committed before the change revokes the user's tokens, and revoked
     * with them, or issued after it, to the account as the change left it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdForChange(UUID userId) {
        users.lockUntilCommit(lockKey(userId));
    }

    static long lockKey(UUID userId) {
        return userId.getMostSignificantBits() ^ userId.getLeastSignificantBits();
    }

    /** Active accounts with this email, one per tenant at most. */
    @Transactional(readOnly = true)
    public List<Account> findActiveByEmail(String email) {
        return users.findByEmail(Emails.normalize(email)).stream().filter(User::isActive).map(User::toAccount)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Account> findActive(UUID userId) {
        return users.findById(userId).filter(User::isActive).map(User::toAccount);
    }

    @Transactional(readOnly = true)
    public boolean passwordMatches(Account account, String password) {
        return users.findById(account.id()).map(user -> passwords.matches(password, user.getPasswordHash()))
                .orElse(false);
    }

    /** Spends the time of a password check without an account, so timing does not tell whether one exists. */
    public void checkPasswordWithoutAccount(String password) {
        passwords.matchNothing(password);
    }

    /**
     * Counts a failed login attempt, in the attempt's transaction (which commits whatever the attempt answers); the
     * {@code max-failures}th within {@code window} locks the account for {@code duration}. Not in a transaction of its
     * own: an attempt would hold one connection while it waited for a second, and as many failing attempts at once as
     * the pool has connections would wait on each other until they all failed.
     *
     * @return whether this failure locked the account
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean recordFailedLogin(UUID userId) {
        return countFailure(userId);
    }

    /**
     * Counts a wrong current password given to change it, like a failed login. The request then fails, so this commits
     * on its own.
     *
     * @return whether this failure locked the account
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordWrongCurrentPassword(UUID userId) {
        return countFailure(userId);
    }

    private boolean countFailure(UUID userId) {
        Instant now = clock.instant();
        users.countFailedLogin(userId, now, now.minus(lockout.window()));
        if (users.failedLogins(userId) < lockout.maxFailures()) {
            return false;
        }
        users.lock(userId, now.plus(lockout.duration()));
        return true;
    }

    @Transactional
    public void recordSuccessfulLogin(UUID userId) {
        users.clearFailedLogins(userId);
    }
}
