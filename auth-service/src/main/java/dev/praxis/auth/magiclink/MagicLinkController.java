package dev.praxis.auth.magiclink;

import dev.praxis.auth.token.AccessToken;
import dev.praxis.platform.web.ApiException;
import dev.praxis.platform.web.Texts;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Magic-link login (PazPaz), both public. */
@RestController
class MagicLinkController {

    /** The one answer to every well-formed request, whether the email has accounts or not. */
    static final MagicLinkRequested REQUESTED =
            new MagicLinkRequested("If an account exists for this email, a sign-in link has been sent.");

    private final MagicLinkService magicLinks;

    MagicLinkController(MagicLinkService magicLinks) {
        this.magicLinks = magicLinks;
    }

    record MagicLinkRequest(@NotBlank @Email(regexp = Texts.EMAIL) @Size(max = 320) String email) {

        @Override
        public String toString() {
            return "MagicLinkRequest[]";
        }
    }

    record MagicLinkRequested(String message) {
    }

    record MagicLinkLoginResponse(String accessToken, String tokenType, LoggedInUser user) {
    }

    record LoggedInUser(UUID id, String email, UUID workspaceId) {
    }

    @PostMapping("/api/v1/auth/request-magic-link")
    MagicLinkRequested request(@Valid @RequestBody MagicLinkRequest request) {
        magicLinks.request(request.email());
        return REQUESTED;
    }

    @GetMapping("/api/v1/auth/verify-magic-link")
    MagicLinkLoginResponse verify(@RequestParam("token") @NotBlank @Size(max = 128) String token) {
        return magicLinks.verify(token)
                .map(login -> new MagicLinkLoginResponse(login.token().value(), AccessToken.TYPE,
                        new LoggedInUser(login.account().id(), login.account().email(), login.account().tenantId())))
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Invalid or expired link"));
    }

    /**
     * Spring would answer HEAD with the GET above, spending the link on an answer nobody reads: mail scanners and link
     * previews send HEAD.
     */
    @Hidden
    @RequestMapping(path = "/api/v1/auth/verify-magic-link", method = RequestMethod.HEAD)
    void refuseHead() throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException("HEAD", List.of("GET"));
    }
}
