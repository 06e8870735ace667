package dev.praxis.auth.user;

import java.text.Normalizer;

/**
 * Email addresses as they are stored and looked up: without surrounding white space and in Unicode NFC, so that "é"
 * sent as one code point or as "e" and a combining accent names the same account, and no second account of a tenant
 * can be registered under an address that differs only in its encoding (the contracts' reference, Pydantic's
 * {@code EmailStr}, normalises to NFC too). Case is left as given; lookups and uniqueness ignore it. Usernames are
 * ASCII ({@link UserRules}), so a login name is normalised the same way whichever it is.
 */
final class Emails {

    private Emails() {
    }

    static String normalize(String address) {
        return address == null ? null : Normalizer.normalize(address.strip(), Normalizer.Form.NFC);
    }
}
