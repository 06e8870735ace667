package dev.praxis.auth.magiclink;

import dev.praxis.auth.AuthProperties;
import dev.praxis.auth.tenant.Tenants;
import dev.praxis.auth.token.AccessToken;
import dev.praxis.auth.token.AccessTokens;
import dev.praxis.auth.user.Account;
import dev.praxis.auth.user.Accounts;
import dev.praxis.auth.user.SignInChanged;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.events.Outcome;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Passwordless login (PazPaz). A request never tells whether the email has accounts: the answer is the same, and the
 * mail leaves after the commit, off the request thread.
 */
@Service
class MagicLinkService {

    static final String VERIFY_PATH = "/api/v1/auth/verify-magic-link";

    private final MagicLinkRepository links;
    private final Accounts accounts;
    private final Tenants tenants;
    private final AccessTokens tokens;
    private final EventRecorder events;
    private final ApplicationEventPublisher publisher;
    private final AuthProperties properties;
    private final Clock clock;

    MagicLinkService(MagicLinkRepository links, Accounts accounts, Tenants tenants, AccessTokens tokens,
                     EventRecorder events, ApplicationEventPublisher publisher, AuthProperties properties,
                     Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.tenants = tenants;
        this.tokens = tokens;
        this.events = events;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** A successful verification: the token, and the account it is for. */
    record MagicLinkLogin(AccessToken token, Account account) {
    }

    /** Creates one link per active account of the email (one per tenant) and has them mailed in one message. */
    @Transactional
    void request(String email) {
        List<Account> found = accounts.findActiveByEmail(email);
        if (found.isEmpty()) {
            events.record(DomainEvent.of("magic_link.requested", "MagicLink", null, Action.CREATE)
                    .outcome(Outcome.FAILURE)
                    .with("reason", "no_account"));
            return;
        }
        Instant now = clock.instant();
        Map<UUID, String> tenantNames = tenants.names(found.stream().map(Account::tenantId).toList());
        List<MagicLinksIssued.Link> issued = new ArrayList<>();
        for (Account account : found) {
            if (links.countByUserIdAndUsedAtIsNullAndExpiresAtAfter(account.id(), now)
                    >= properties.magicLink().maxActivePerAccount()) {
                events.record(DomainEvent.of("magic_link.requested", "MagicLink", null, Action.CREATE)
                        .tenant(account.tenantId())
                        .outcome(Outcome.FAILURE)
                        .with("reason", "too_many_active_links")
                        .with("user_id", account.id().toString()));
                continue;
            }
            String token = MagicLinkTokens.generate();
            MagicLink link = links.save(new MagicLink(MagicLinkTokens.hash(token), account, now,
                    properties.magicLink().ttl()));
            events.record(DomainEvent.of("magic_link.requested", "MagicLink", link.getId(), Action.CREATE)
                    .tenant(account.tenantId())
                    .with("user_id", account.id().toString()));
            issued.add(new MagicLinksIssued.Link(tenantNames.get(account.tenantId()), url(token)));
        }
        if (!issued.isEmpty()) {
            publisher.publishEvent(new MagicLinksIssued(found.get(0).email(), issued));
        }
    }

    /** Uses the link once: empty when it is unknown, used, expired, or its account is inactive. */
    @Transactional
    Optional<MagicLinkLogin> verify(String token) {
        Instant now = clock.instant();
        byte[] tokenHash = MagicLinkTokens.hash(token);
        // The account first, then the link: a deactivation or a new password holds the account, then withdraws its
        // links. The other order deadlocked with it.
        links.findUserIdByTokenHash(tokenHash).ifPresent(accounts::holdForChange);
        Optional<MagicLink> found = links.findByTokenHashForUpdate(tokenHash);
        if (found.isEmpty()) {
            events.record(loginFailed(null, null, "unknown_magic_link"));
            return Optional.empty();
        }
        MagicLink link = found.get();
        if (link.isUsed() || link.isExpiredAt(now)) {
            events.record(loginFailed(link.getUserId(), link.getTenantId(),
                    link.isUsed() ? "magic_link_used" : "magic_link_expired"));
            return Optional.empty();
        }
        Optional<Account> account = accounts.findActive(link.getUserId());
        if (account.isEmpty()) {
            events.record(loginFailed(link.getUserId(), link.getTenantId(), "account_inactive"));
            return Optional.empty();
        }
        if (!link.wasSentTo(account.get().email())) {
            events.record(loginFailed(link.getUserId(), link.getTenantId(), "magic_link_address_changed"));
            return Optional.empty();
        }
        link.use(now);
        AccessToken accessToken = tokens.issue(account.get().tokenSubject());
        events.record(DomainEvent.of("magic_link.used", "MagicLink", link.getId(), Action.UPDATE)
                .tenant(link.getTenantId())
                .actingUser(link.getUserId())
                .with("user_id", link.getUserId().toString()));
        events.record(DomainEvent.of("login.succeeded", "Login", link.getUserId(), Action.EXECUTE)
                .tenant(link.getTenantId())
                .actingUser(link.getUserId())
                .with("method", "magic_link")
                .with("jti", accessToken.jti().toString()));
        return Optional.of(new MagicLinkLogin(accessToken, account.get()));
    }

    /** Links already sent stop working when the user's way of signing in changes (the mail may be someone else's). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void withdrawLinks(SignInChanged changed) {
        links.expireUnused(changed.userId(), clock.instant());
    }

    /** Forgets links that expired more than a day ago. @return how many */
    @Transactional
    int purgeExpired() {
        return links.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private String url(String token) {
        return UriComponentsBuilder.fromUri(properties.publicBaseUrl()).path(VERIFY_PATH)
                .queryParam("token", token).build().toUriString();
    }

    private static DomainEvent loginFailed(UUID userId, UUID tenantId, String reason) {
        return DomainEvent.of("login.failed", "Login", userId, Action.EXECUTE)
                .tenant(tenantId)
                .outcome(Outcome.FAILURE)
                .with("method", "magic_link")
                .with("reason", reason);
    }
}
