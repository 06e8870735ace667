package dev.praxis.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits ({@code praxis.gateway.rate-limits.*}), each "capacity requests per period" in fixed windows that start
 * with a key's first request.
 *
 * @param magicLink    {@code POST /api/v1/auth/request-magic-link} per client IP (PazPaz contract: 3 per hour)
 * @param login        {@code POST /api/v1/auth/login} per client IP
 * @param tenantSignup {@code POST /api/v1/tenants/} per client IP
 * @param sessionDraft {@code PATCH /api/v1/sessions/{id}/draft} per tenant and session (PazPaz contract: 1 per 5 s)
 * @param perUser      every request with a token, per user
 * @param perIp        every request without a token, per client IP
 * @param authFailures requests answered 401, per client IP; over it, every request of that address is answered 429
 *                     for the rest of the period ({@link AuthenticationFailureLimit})
 */
@ConfigurationProperties("praxis.gateway.rate-limits")
record RateLimitProperties(Limit magicLink, Limit login, Limit tenantSignup, Limit sessionDraft, Limit perUser,
                           Limit perIp, Limit authFailures) {

    RateLimitProperties {
        Objects.requireNonNull(magicLink, "praxis.gateway.rate-limits.magic-link");
        Objects.requireNonNull(login, "praxis.gateway.rate-limits.login");
        Objects.requireNonNull(tenantSignup, "praxis.gateway.rate-limits.tenant-signup");
        Objects.requireNonNull(sessionDraft, "praxis.gateway.rate-limits.session-draft");
        Objects.requireNonNull(perUser, "praxis.gateway.rate-limits.per-user");
        Objects.requireNonNull(perIp, "praxis.gateway.rate-limits.per-ip");
        Objects.requireNonNull(authFailures, "praxis.gateway.rate-limits.auth-failures");
    }

    record Limit(long capacity, Duration period) {

        Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a capacity >= 1 and a positive period");
            }
        }
    }
}
