package org.outward.platform.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The real client address of a request that may have come through proxies. The forwarded-for header is read only
 * when the TCP peer is a trusted proxy; it is then walked from the right (each proxy appends the address it saw),
 * skipping trusted proxies, and the first address that is not one is the client. So a client that is not a
 * trusted proxy cannot choose the address it is known by, whatever headers it sends; and whatever a client wrote
 * to the left of what our proxies appended is never reached.
 *
 * <p>Which header the trusted proxies maintain is configured ({@link Header}): a proxy that appends to
 * {@code X-Forwarded-For} usually passes a client's own {@code Forwarded} header on untouched, so reading both
 * would let a client spoof its address.
 */
public final class ClientAddressResolver {

    /** The header the trusted proxies set. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1, proxy2} (nginx, HAProxy, cloud load balancers). */
        X_FORWARDED_FOR("X-Forwarded-For"),
        /** RFC 7239 {@code Forwarded: for=client, for=proxy1}. */
        FORWARDED("Forwarded");

        private final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }

        /** {@code X-Forwarded-For} or {@code Forwarded}, in any case. */
        public static Header named(String name) {
            for (Header header : values()) {
                if (header.headerName.equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return header;
                }
            }
            throw new IllegalArgumentException("client address header must be X-Forwarded-For or Forwarded, not '"
                    + name + "'");
        }
    }

    private static final int MAX_HOPS = 20;

    private final TrustedProxies trusted;
    private final Header header;

    public ClientAddressResolver(TrustedProxies trusted, Header header) {
        this.trusted = trusted;
        this.header = header;
    }

    public static ClientAddressResolver of(ProxySettings settings) {
        return new ClientAddressResolver(TrustedProxies.of(settings.trusted()), Header.named(settings.header()));
    }

    /**
     * @param peer    the TCP peer's address as text
     * @param headers the values of a request header by name (every occurrence, in order)
     * @return the client's address in canonical text form; the peer when it is not a trusted proxy
     */
    public String resolve(String peer, Function<String, List<String>> headers) {
        InetAddress current = IpAddresses.parse(peer);
        if (current == null) {
            return peer == null ? "unknown" : peer;
        }
        if (!trusted.trusts(current)) {
            return current.getHostAddress();
        }
        List<String> hops = header == Header.FORWARDED ? forwardedFor(headers.apply(header.headerName()))
                : xForwardedFor(headers.apply(header.headerName()));
        int stop = Math.max(0, hops.size() - MAX_HOPS);
        for (int i = hops.size() - 1; i >= stop; i--) {
            InetAddress hop = IpAddresses.parse(hops.get(i));
            if (hop == null) {
                break; // "unknown", an obfuscated name or junk: the last address we can vouch for stands
            }
            current = hop;
            if (!trusted.trusts(hop)) {
                break;
            }
        }
        return current.getHostAddress();
    }

    /** The addresses of {@code X-Forwarded-For}, ports and brackets taken off. */
    static List<String> xForwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                hops.add(withoutPort(part.strip()));
            }
        }
        return hops;
    }

    /** The {@code for=} nodes of RFC 7239 {@code Forwarded} elements, in order; an element without one is "". */
    static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String element : split(value, ',')) {
                String node = "";
                for (String pair : split(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        node = unquote(pair.substring(eq + 1).strip());
                    }
                }
                hops.add(withoutPort(node));
            }
        }
        return hops;
    }

    private static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close > 0 ? node.substring(1, close) : "";
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && colon == node.lastIndexOf(':')) {
            return node.substring(0, colon); // IPv4 with a port; a bare IPv6 address has more than one colon
        }
        return node;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }

    /** Splits on a separator outside quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    /** {@code for=192.0.2.1} or {@code for="[2001:db8::1]"}: the node of a Forwarded element for this address. */
    public static String forwardedNode(String address) {
        return address.indexOf(':') >= 0 ? "for=\"[" + address + "]\"" : "for=" + address;
    }
}
