package dev.praxis.platform.security;

import dev.praxis.contracts.security.Role;
import dev.praxis.contracts.security.TokenClaims;
import dev.praxis.platform.web.ApiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller, taken only from the verified token: never from a header or body the client controls. Declare it as a
 * controller parameter, or read it with {@link #current()}.
 */
public record CurrentUser(UUID userId, UUID tenantId, Set<Role> roles, String email, String tokenId,
                          Instant expiresAt, String bearerToken) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    static CurrentUser from(Jwt jwt) {
        List<String> roleClaims = jwt.getClaimAsStringList(TokenClaims.ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleClaims != null) {
            roleClaims.forEach(value -> Role.parse(value).ifPresent(roles::add));
        }
        return new CurrentUser(UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString(TokenClaims.TENANT_ID)), roles,
                jwt.getClaimAsString(TokenClaims.EMAIL), jwt.getId(), jwt.getExpiresAt(), jwt.getTokenValue());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** Throws 403 unless the caller has one of the roles. */
    public CurrentUser requireAnyRole(Role... candidates) {
        if (!hasAnyRole(candidates)) {
            throw ApiException.forbidden("Not allowed");
        }
        return this;
    }

    /** Ids and roles only: never the token or the email, should a caller ever be logged. */
    @Override
    public String toString() {
        return "CurrentUser[userId=" + userId + ", tenantId=" + tenantId + ", roles=" + roles + ", tokenId=" + tokenId
                + "]";
    }
}
