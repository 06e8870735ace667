package dev.praxis.gateway.revocation;

import java.time.Clock;

/** Revocation stores for unit tests of other packages. */
public final class RevocationStores {

    private RevocationStores() {
    }

    public static RevocationStore empty() {
        return new RevocationStore(Clock.systemUTC());
    }
}
