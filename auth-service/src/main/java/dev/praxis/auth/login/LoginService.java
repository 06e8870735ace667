package dev.praxis.auth.login;

import dev.praxis.auth.tenant.Tenants;
import dev.praxis.auth.token.AccessToken;
import dev.praxis.auth.token.AccessTokens;
import dev.praxis.auth.user.Account;
import dev.praxis.auth.user.Accounts;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.Outcome;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Password login (Celuma): by username or email, across tenants, with tenant selection when the credentials fit
 * accounts in several. Every attempt is an event, {@code login.succeeded} or {@code login.failed} with a reason; never
 * with a name, an email or a password.
 */
@Service
class LoginService {

    static final String METHOD = "password";

    private final Accounts accounts;
    private final Tenants tenants;
    private final AccessTokens tokens;
    private final EventRecorder events;
    private final Clock clock;

    LoginService(Accounts accounts, Tenants tenants, AccessTokens tokens, EventRecorder events, Clock clock) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    LoginOutcome login(String usernameOrEmail, String password, UUID tenantId) {
        List<Account> candidates = accounts.findForLogin(usernameOrEmail, tenantId);
        if (candidates.isEmpty()) {
            accounts.checkPasswordWithoutAccount(password);
            events.record(DomainEvent.of("login.failed", "Login", null, Action.EXECUTE)
                    .outcome(Outcome.FAILURE)
                    .with("reason", "unknown_account"));
            return LoginOutcome.FAILED;
        }
        Instant now = clock.instant();
        Optional<List<Account>> claimed = accounts.claimForLogin(candidates);
        if (claimed.isEmpty()) {
            accounts.checkPasswordWithoutAccount(password);
            candidates.forEach(account -> events.record(failed(account, "attempt_in_progress", account.isLockedAt(now))));
            return LoginOutcome.FAILED;
        }
        Map<Boolean, List<Account>> opened = claimed.get().stream().collect(Collectors.partitioningBy(account ->
                accounts.passwordMatches(account, password) && account.active() && !account.isLockedAt(now)));
        // Every account the attempt named and did not open is charged, even when another one opened: else an account
        // under the same email in a tenant of one's own (sign-up is public) would try guesses on this one for free.
        opened.get(false).forEach(account -> fail(account, now));
        List<Account> authenticated = opened.get(true);
        if (authenticated.size() == 1) {
            return succeed(authenticated.get(0));
        }
        if (authenticated.size() > 1) {
            return selection(authenticated);
        }
        return LoginOutcome.FAILED;
    }

    private LoginOutcome succeed(Account account) {
        accounts.recordSuccessfulLogin(account.id());
        AccessToken token = tokens.issue(account.tokenSubject());
        events.record(DomainEvent.of("login.succeeded", "Login", account.id(), Action.EXECUTE)
                .tenant(account.tenantId())
                .actingUser(account.id())
                .with("method", METHOD)
                .with("jti", token.jti().toString()));
        return new LoginOutcome.Authenticated(token);
    }

    private LoginOutcome selection(List<Account> authenticated) {
        Map<UUID, String> names = tenants.names(authenticated.stream().map(Account::tenantId).toList());
        return new LoginOutcome.TenantSelection(authenticated.stream()
                .map(account -> new LoginOutcome.TenantOption(account.tenantId(), names.get(account.tenantId())))
                .sorted(Comparator.comparing(LoginOutcome.TenantOption::tenantName))
                .toList());
    }

    /** A failed attempt counts against every active, unlocked account it named (per-account lockout). */
    private void fail(Account account, Instant now) {
        String reason;
        boolean lockedNow = false;
        if (!account.active()) {
            reason = "account_inactive";
        } else if (account.isLockedAt(now)) {
            reason = "account_locked";
        } else {
            reason = "bad_credentials";
            lockedNow = accounts.recordFailedLogin(account.id());
        }
        events.record(failed(account, reason, lockedNow || account.isLockedAt(now)));
    }

    private static DomainEvent failed(Account account, String reason, boolean accountLocked) {
        return DomainEvent.of("login.failed", "Login", account.id(), Action.EXECUTE)
                .tenant(account.tenantId())
                .outcome(Outcome.FAILURE)
                .with("reason", reason)
                .with("account_locked", accountLocked);
    }
}
