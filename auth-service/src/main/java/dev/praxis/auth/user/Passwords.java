package dev.praxis.auth.user;

import dev.praxis.platform.web.ApiException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Password hashing with Spring Security's delegating encoder (bcrypt, {@code {bcrypt}} prefixed, so the algorithm can
 * change later without invalidating stored hashes). Passwords are never logged, stored or echoed.
 */
@Component
class Passwords {

    /** bcrypt only reads this many bytes; a longer password would be silently truncated. */
    static final int MAX_BYTES = 72;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when there is no account, so a login costs the same whether the account exists or not. */
    private final String decoy = encoder.encode(UUID.randomUUID().toString());

    /** @throws ApiException 422 on {@code field} when the password is longer than bcrypt can take */
    String hash(String field, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.invalidField(field, "Password must be at most " + MAX_BYTES + " bytes",
                    "value_error.length");
        }
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("", decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    void matchNothing(String password) {
        matches(password, decoy);
    }
}
