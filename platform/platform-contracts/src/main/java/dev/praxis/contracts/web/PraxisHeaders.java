package dev.praxis.contracts.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** HTTP header names shared by the gateway and the services. */
public final class PraxisHeaders {

    public static final String REQUEST_ID = "X-Request-ID";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String TRACEPARENT = "traceparent";
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String RETRY_AFTER = "Retry-After";

    /** Header name prefixes a client must never be able to set; the gateway strips them and services ignore them. */
    public static final List<String> INTERNAL_PREFIXES = List.of("x-user-", "x-tenant-", "x-internal-", "x-praxis-",
            "x-workspace-", "x-roles", "x-auth-");

    /** A request id we accept from a caller: short, printable, no separators that could forge log lines. */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private PraxisHeaders() {
    }

    public static boolean isSaneRequestId(String value) {
        return value != null && SANE_REQUEST_ID.matcher(value).matches();
    }

    public static boolean isInternal(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return INTERNAL_PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
