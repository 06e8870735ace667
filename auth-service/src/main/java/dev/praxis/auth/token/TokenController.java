package dev.praxis.auth.token;

import dev.praxis.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Logout (any authenticated caller revokes the token it presents) and the active revocations, which the gateway loads
 * at start-up ({@code /internal/**} is never routed from outside).
 */
@RestController
class TokenController {

    private final AccessTokens tokens;

    TokenController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    record LogoutResponse(String message, boolean tokenRevoked) {
    }

    @PostMapping("/api/v1/auth/logout")
    LogoutResponse logout(CurrentUser user) {
        tokens.revoke(UUID.fromString(user.tokenId()), RevocationReason.LOGOUT);
        return new LogoutResponse("Logout successful", true);
    }

    @GetMapping("/internal/revocations")
    List<AccessTokens.Revocation> revocations() {
        return tokens.activeRevocations();
    }
}
