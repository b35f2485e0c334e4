package org.outward.gateway.bff;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the browser goes after signing in: a path of this site only. Anything else (another host, a scheme,
 * a protocol-relative {@code //host}, backslashes browsers treat as slashes, control characters) becomes
 * {@code /}, so the sign-in can never be used to send someone to another site.
 */
final class ReturnTo {

    static final String SESSION_ATTRIBUTE = ReturnTo.class.getName();
    private static final int MAX_LENGTH = 2048;

    private ReturnTo() {
    }

    static String sanitize(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH || !candidate.startsWith("/")
                || candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
            return "/";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "/";
            }
        }
        try {
            URI uri = new URI(candidate);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? candidate : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
