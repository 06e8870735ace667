package dev.praxis.auth.token;

import dev.praxis.auth.AuthProperties;
import dev.praxis.auth.key.KeyRing;
import dev.praxis.auth.key.SigningKey;
import dev.praxis.contracts.events.Action;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.platform.outbox.DomainEvent;
import dev.praxis.platform.outbox.EventRecorder;
import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues, records and revokes access tokens. Every issued token is recorded (jti, user, tenant, expiry) so that logout
 * and user deactivation can revoke it; each revocation is published as a {@code token.revoked} event for the gateway.
 */
@Service
public class AccessTokens {

    /** Records of expired tokens are kept this long, then deleted. */
    static final Duration RETENTION_AFTER_EXPIRY = Duration.ofDays(1);

    private final IssuedTokenRepository tokens;
    private final KeyRing keys;
    private final EventRecorder events;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(IssuedTokenRepository tokens, KeyRing keys, EventRecorder events, AuthProperties properties,
                 Clock clock) {
        this.tokens = tokens;
        this.keys = keys;
        this.events = events;
        this.ttl = properties.tokenTtl();
        this.clock = clock;
    }

    /** Signs a token for this subject with the current key and records it. */
    @Transactional
    public AccessToken issue(TokenSubject subject) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl);
        UUID jti = UUID.randomUUID();
        SigningKey key = keys.signingKey();
        String token = Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(TokenClaims.ISSUER)
                .audience().add(TokenClaims.AUDIENCE).and()
                .subject(subject.userId().toString())
                .id(jti.toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .claim(TokenClaims.TENANT_ID, subject.tenantId().toString())
                .claim(TokenClaims.WORKSPACE_ID, subject.tenantId().toString())
                .claim(TokenClaims.ROLES, List.of(subject.role().value()))
                .claim(TokenClaims.EMAIL, subject.email())
                .signWith(key.privateKey(), Jwts.SIG.RS256)
                .compact();
        tokens.save(new IssuedToken(jti, subject.userId(), subject.tenantId(), issuedAt, expiresAt));
        return new AccessToken(token, jti, expiresAt);
    }

    /** Whether the token with this jti was issued here and has not been revoked. */
    @Transactional(readOnly = true)
    public boolean isLive(String jti) {
        UUID id = parse(jti);
        return id != null && tokens.existsByJtiAndRevokedAtIsNull(id);
    }

    /** Revokes one token (logout); revoking a revoked token changes nothing. */
    @Transactional
    public void revoke(UUID jti, RevocationReason reason) {
        tokens.findByIdForUpdate(jti).filter(token -> !token.isRevoked()).ifPresent(token -> revoke(token, reason));
    }

    /** Revokes every unexpired token of the user (deactivation, role change). @return how many */
    @Transactional
    public int revokeAllOf(UUID userId, RevocationReason reason) {
        return revokeAllOfExcept(userId, null, reason);
    }

    /** Revokes every unexpired token of the user but {@code keptJti} (the session that made the change). */
    @Transactional
    public int revokeAllOfExcept(UUID userId, UUID keptJti, RevocationReason reason) {
        List<IssuedToken> live = tokens.findLiveForUpdate(userId, clock.instant()).stream()
                .filter(token -> !token.getJti().equals(keptJti)).toList();
        live.forEach(token -> revoke(token, reason));
        return live.size();
    }

    /** Revoked tokens that have not expired yet: what a verifier must still refuse. */
    @Transactional(readOnly = true)
    public List<Revocation> activeRevocations() {
        return tokens.findByRevokedAtIsNotNullAndExpiresAtAfterOrderByExpiresAt(clock.instant()).stream()
                .map(token -> new Revocation(token.getJti(), token.getExpiresAt()))
                .toList();
    }

    /** Forgets tokens that expired more than a day ago. @return how many */
    @Transactional
    public int purgeExpired() {
        return tokens.deleteExpiredBefore(clock.instant().minus(RETENTION_AFTER_EXPIRY));
    }

    /** An entry of the revocation list. */
    public record Revocation(UUID jti, Instant expiresAt) {
    }

    private void revoke(IssuedToken token, RevocationReason reason) {
        token.revoke(reason, clock.instant());
        events.record(DomainEvent.of("token.revoked", "Token", token.getJti(), Action.UPDATE)
                .tenant(token.getTenantId())
                .with("jti", token.getJti().toString())
                .with("expires_at", DateTimeFormatter.ISO_INSTANT.format(token.getExpiresAt()))
                .with("reason", reason.value()));
    }

    private static UUID parse(String jti) {
        try {
            return jti == null ? null : UUID.fromString(jti);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
