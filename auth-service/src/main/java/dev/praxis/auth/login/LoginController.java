package dev.praxis.auth.login;

import dev.praxis.auth.token.AccessToken;
import dev.praxis.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/auth/login} (public). Answers a token, or {@code need_tenant_selection} with the tenants to
 * choose from; every failure (unknown account, wrong password, locked, inactive, wrong tenant) is the same 401.
 */
@RestController
class LoginController {

    static final String INVALID_CREDENTIALS = "Incorrect username or password";

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    record LoginRequest(@NotBlank @Size(max = 320) String usernameOrEmail,
                        @NotBlank @Size(max = 1024) String password,
                        UUID tenantId) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "LoginRequest[tenantId=" + tenantId + "]";
        }
    }

    sealed interface LoginResponse permits TokenResponse, TenantSelectionResponse {
    }

    record TokenResponse(String accessToken, String tokenType) implements LoginResponse {
        static TokenResponse of(AccessToken token) {
            return new TokenResponse(token.value(), AccessToken.TYPE);
        }
    }

    record TenantSelectionResponse(boolean needTenantSelection, List<LoginOutcome.TenantOption> options)
            implements LoginResponse {
    }

    @PostMapping("/api/v1/auth/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        LoginOutcome outcome = logins.login(request.usernameOrEmail(), request.password(), request.tenantId());
        if (outcome instanceof LoginOutcome.Authenticated authenticated) {
            return TokenResponse.of(authenticated.token());
        }
        if (outcome instanceof LoginOutcome.TenantSelection selection) {
            return new TenantSelectionResponse(true, selection.options());
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS);
    }
}
