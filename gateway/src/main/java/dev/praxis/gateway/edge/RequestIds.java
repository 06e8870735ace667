package dev.praxis.gateway.edge;

import dev.praxis.contracts.web.PraxisHeaders;
import org.springframework.web.server.ServerWebExchange;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The request id of an exchange: the caller's {@code X-Request-ID} when it is sane, otherwise a new one. */
public final class RequestIds {

    static final String ATTRIBUTE = RequestIds.class.getName();

    private RequestIds() {
    }

    /** The id {@link RequestIdFilter} settled on for this exchange. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : accept(null);
    }

    static String accept(String callerValue) {
        return PraxisHeaders.isSaneRequestId(callerValue) ? callerValue : generate();
    }

    /** A random (version 4) UUID. Request ids need to be unique, not unguessable: no SecureRandom on the hot path. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
