package dev.praxis.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of auth-service ({@code praxis.auth.*}); every one has a safe default or an environment variable in
 * {@code application.yml}.
 *
 * @param tokenTtl             lifetime of an access token
 * @param keyEncryptionKey     base64 of the 32-byte AES key that encrypts stored private signing keys
 * @param signingKeyPemFile    a PEM private key to sign with instead of generated keys (the operator rotates it)
 * @param keyRotationPeriod    age at which a generated signing key is replaced
 * @param tenantSignupEnabled  whether {@code POST /api/v1/tenants/} is open (the bootstrap of a new tenant)
 * @param publicBaseUrl        where the links in magic-link mails point: the gateway's public http(s) address (required)
 * @param mailFrom             sender of magic-link mails
 */
@Validated
@ConfigurationProperties("praxis.auth")
public record AuthProperties(
        @NotNull @DefaultValue("480m") Duration tokenTtl,
        String keyEncryptionKey,
        String signingKeyPemFile,
        @NotNull @DefaultValue("P90D") Duration keyRotationPeriod,
        @DefaultValue("true") boolean tenantSignupEnabled,
        URI publicBaseUrl,
        @NotNull @DefaultValue("Praxis <no-reply@praxis.local>") String mailFrom,
        @Valid @DefaultValue Lockout lockout,
        @Valid @DefaultValue MagicLink magicLink) {

    public AuthProperties {
        if (publicBaseUrl == null || publicBaseUrl.getHost() == null
                || !("https".equals(publicBaseUrl.getScheme()) || "http".equals(publicBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("praxis.auth.public-base-url (AUTH_PUBLIC_BASE_URL) must be the gateway's "
                    + "public http(s) address, e.g. https://praxis.example.com: magic links in mails point there");
        }
    }

    /** After {@code maxFailures} failed logins within {@code window}, the account refuses logins for {@code duration}.
     */
    public record Lockout(
            @Min(1) @DefaultValue("5") int maxFailures,
            @NotNull @DefaultValue("15m") Duration window,
            @NotNull @DefaultValue("15m") Duration duration) {
    }

    /** A magic link is valid for {@code ttl}; an account has at most {@code maxActivePerAccount} unused ones. */
    public record MagicLink(
            @NotNull @DefaultValue("10m") Duration ttl,
            @Min(1) @DefaultValue("3") int maxActivePerAccount) {
    }
}
