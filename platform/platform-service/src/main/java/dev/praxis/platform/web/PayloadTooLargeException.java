package dev.praxis.platform.web;

/** The request body passed the configured size limit while it was being read. */
class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException() {
        super("request body too large", null, false, false);
    }
}
