package dev.praxis.platform.web;

import org.slf4j.MDC;

/** The id of the request being served on this thread (also in every log line as {@code request_id}). */
public final class RequestIds {

    static final String MDC_KEY = "request_id";

    private RequestIds() {
    }

    /** The current request id, or {@code null} outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
