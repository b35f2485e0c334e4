package org.outward.platform.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals, parsed without ever asking DNS: text from a header is attacker-controlled, and
 * {@link InetAddress#getByName} would look up anything that is not a well-formed literal.
 */
final class IpAddresses {

    private IpAddresses() {
    }

    /** The address this literal names ({@code 192.0.2.1}, {@code 2001:db8::1}), or null for anything else. */
    static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            if (Character.digit(text.charAt(0), 16) < 0 && text.charAt(0) != ':') {
                return null; // the JDK takes only text starting like this for a literal
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex && c != ':' && c != '.') {
                    return null; // no zone ids, no host names
                }
            }
            try {
                // With a colon in it the JDK parses the text as an IPv6 literal and never resolves it.
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        byte[] bytes = ipv4(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Dotted quad, each part 0 to 255 in decimal without leading zeros; null otherwise. */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
