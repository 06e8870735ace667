package dev.praxis.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;

/**
 * Remembers the tokens it has verified, keyed by the exact token string (so nothing can be forged into a hit): a
 * client's next request skips the RS256 check and the parsing, ~9% of a list request's CPU under the benchmark
 * (infra/bench), but its claims are validated again on every request, so an expired token is refused on time.
 * A token stays remembered at most {@code rememberFor}, the same bound the JWK set cache puts on a withdrawn key.
 */
final class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    RememberingJwtDecoder(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maximumTokens,
                          Duration rememberFor) {
        this.verifier = verifier;
        this.validator = validator;
        // Housekeeping on the calling thread: the default (the common pool) woke another thread every few requests.
        this.verified = Caffeine.newBuilder().executor(Runnable::run)
                .maximumSize(maximumTokens).expireAfterWrite(rememberFor).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("token no longer valid", result.getErrors());
        }
        return known;
    }
}
