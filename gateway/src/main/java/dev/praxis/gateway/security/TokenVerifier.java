package dev.praxis.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.gateway.revocation.RevocationStore;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * Verifies a Praxis access token (DESIGN.md section 3): RS256 only (so {@code none} and every HS* are refused, including
 * the HS256-with-the-public-key confusion), a {@code kid} auth-service publishes, the signature, {@code iss},
 * {@code aud}, {@code exp}/{@code nbf}/{@code iat} within the clock skew, UUID {@code sub} and {@code tenant_id}, and a
 * {@code jti} that has not been revoked. Every refusal is a {@link BadJwtException}, which Spring Security answers
 * with 401.
 * <p>
 * Why not Spring Security's {@code NimbusReactiveJwtDecoder}: it turns the JWK into an RSA key and builds a verifier on
 * every request, and fetches the JWK set again on every unknown {@code kid} with no floor. This decoder keeps parsed
 * verifiers ({@link SigningKeys}), and remembers tokens it has verified (the exact token string, so nothing can be
 * forged into a hit): a client's next request skips the character check, the RSA check and the parsing, but still has
 * its expiry, its revocation and its key checked. A token stays remembered while it is used (forgotten after 5 minutes
 * without a request, or when the 4,096 most recent crowd it out), which also keeps its holder clear of the refusals
 * of an address over its 401 limit (ratelimit.AuthenticationFailureLimit). Spring Security does everything around it
 * (bearer extraction, the public-path rules, the entry point, the request firewall).
 */
@Component
final class TokenVerifier implements ReactiveJwtDecoder {

    private static final int REMEMBERED_TOKENS = 4096;
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);

    private final SigningKeys keys;
    private final RevocationStore revocations;
    private final Clock clock;
    private final long skewMillis;
    // Housekeeping on the calling thread: the default (the common pool) woke another thread every few requests.
    private final Cache<String, Verified> verified = Caffeine.newBuilder().executor(Runnable::run)
            .maximumSize(REMEMBERED_TOKENS).expireAfterAccess(REMEMBERED_FOR).build();

    TokenVerifier(SigningKeys keys, RevocationStore revocations, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.skewMillis = properties.clockSkew().toMillis();
    }

    /** Whether this exact token was verified before and is still remembered (not whether it is still valid). */
    boolean remembers(String token) {
        return verified.getIfPresent(token) != null;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            try {
                return Mono.just(stillValid(known));
            } catch (BadJwtException refused) {
                verified.invalidate(token);
                return Mono.error(refused);
            }
        }
        if (!BearerTokens.isWellFormed(token)) {
            return Mono.error(refused("malformed"));
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Mono.error(refused("not a signed JWT"));
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return Mono.error(refused("algorithm " + header.getAlgorithm()));
        }
        String kid = header.getKeyID();
        if (kid == null) {
            return Mono.error(refused("no kid"));
        }
        return keys.verifierFor(kid)
                .switchIfEmpty(Mono.error(() -> refused("unknown kid")))
                .map(verifier -> verify(token, jwt, verifier));
    }

    private Jwt verify(String token, SignedJWT jwt, JWSVerifier verifier) {
        JWTClaimsSet claims;
        try {
            if (!jwt.verify(verifier)) {
                throw refused("bad signature");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (JOSEException | ParseException e) {
            throw refused("unverifiable");
        }
        long now = clock.millis();
        Date expiresAt = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        Date issuedAt = claims.getIssueTime();
        if (!TokenClaims.ISSUER.equals(claims.getIssuer())) {
            throw refused("issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(TokenClaims.AUDIENCE)) {
            throw refused("audience");
        }
        if (expiresAt == null) {
            throw refused("no expiry");
        }
        if ((notBefore != null && now + skewMillis < notBefore.getTime())
                || (issuedAt != null && now + skewMillis < issuedAt.getTime())) {
            throw refused("not yet valid");
        }
        if (!isUuid(claims.getSubject()) || !isUuid(claims.getClaim(TokenClaims.TENANT_ID))) {
            throw refused("subject or tenant");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw refused("no jti");
        }
        Jwt accepted = new Jwt(token, issuedAt == null ? null : issuedAt.toInstant(), expiresAt.toInstant(),
                jwt.getHeader().toJSONObject(), claims.getClaims());
        Verified result = new Verified(accepted, jwt.getHeader().getKeyID(), jti, expiresAt.getTime());
        stillValid(result);
        verified.put(token, result);
        return accepted;
    }

    /** What can change after a token was verified: time passes, it gets revoked, its key gets withdrawn. */
    private Jwt stillValid(Verified token) {
        if (clock.millis() - skewMillis >= token.expiresAtMillis()) {
            throw refused("expired");
        }
        if (revocations.isRevoked(token.jti())) {
            throw refused("revoked");
        }
        if (!keys.isPublished(token.kid())) {
            throw refused("key withdrawn");
        }
        return token.jwt();
    }

    /** The canonical 36-character form only ({@code UUID.fromString} would also accept {@code 1-1-1-1-1}). */
    static boolean isUuid(Object value) {
        if (!(value instanceof String text) || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static BadJwtException refused(String reason) {
        return new BadJwtException("token refused: " + reason);
    }

    private record Verified(Jwt jwt, String kid, String jti, long expiresAtMillis) {
    }
}
