package dev.praxis.auth.user;

import dev.praxis.platform.web.ApiException;

import java.text.Normalizer;

/**
 * Email addresses as they are stored and looked up: without surrounding white space and in Unicode NFC, so that "é"
 * sent as one code point or as "e" and a combining accent names the same account, and no second account of a tenant
 * can be registered under an address that differs only in its encoding (the contracts' reference, Pydantic's
 * {@code EmailStr}, normalises to NFC too). Case is left as given; lookups and uniqueness ignore it. Usernames are
 * ASCII ({@link UserRules}), so a login name is normalised the same way whichever it is.
 */
final class Emails {

    /** The column's limit, in characters (code points), as PostgreSQL counts them. */
    static final int MAX_LENGTH = 320;

    private Emails() {
    }

    static String normalize(String address) {
        return address == null ? null : Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
    }

    /**
     * The address to store: normalised, and within the column (NFC can lengthen a string: a few characters compose
     * into none and decompose into several; the request's {@code @Size} counted before), else 422 at {@code email}.
     */
    static String toStore(String address) {
        String normalized = normalize(address);
        if (normalized != null && normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            throw ApiException.invalidField("email", "String should have at most " + MAX_LENGTH + " characters",
                    "value_error.length");
        }
        return normalized;
    }
}
