package org.outward.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id (X-Request-Id) that ties together the logs of one request across the gateway, the
 * services, the events it causes and the emails those cause. Same rules as the platform module's
 * RequestIds (which is servlet-based, so the gateway keeps its own copy of these few lines).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Exchange attribute holding the id chosen for the current request. */
    public static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";

    /** Ids from outside are accepted only in a harmless shape, so they cannot forge log lines. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The given id when it is well-formed, otherwise a new one. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : generate();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id must be unique, not secret, so the
     * shared, locking SecureRandom of {@link UUID#randomUUID()} is not needed on every request.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id of this exchange; only null if the exchange never passed {@link RequestIdFilter}. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** Exchange attribute holding the path the caller asked for (a forward, e.g. to a fallback, changes the request's). */
    public static final String PATH_ATTRIBUTE = RequestIds.class.getName() + ".path";

    /** The path as the caller sent it. */
    public static String pathOf(ServerWebExchange exchange) {
        String path = exchange.getAttribute(PATH_ATTRIBUTE);
        return path != null ? path : exchange.getRequest().getPath().value();
    }
}
