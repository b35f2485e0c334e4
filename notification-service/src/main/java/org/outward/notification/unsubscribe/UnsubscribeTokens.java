package org.outward.notification.unsubscribe;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring unsubscribe tokens: {@code base64url(memberId|scope|expiresEpochSeconds).base64url(HMAC-SHA256)}.
 * The scope is a kind of news ({@code cohort-notes}) for an immediate notice, or a digest frequency
 * ({@code daily}, {@code weekly}) for a digest. No state is stored: the signature is the proof, compared in
 * constant time.
 */
@Component
public class UnsubscribeTokens {

    public static final String PATH = "/api/notifications/unsubscribe";
    /** The web client's unsubscribe page (same origin as the gateway): where the link in an email's footer goes. */
    public static final String PAGE = "/unsubscribe";

    private final UnsubscribeProperties properties;
    private final Clock clock;

    public UnsubscribeTokens(UnsubscribeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public record Claims(String memberId, String scope, Instant expiresAt) {
    }

    public String issue(String memberId, String scope) {
        long expires = clock.instant().plus(properties.ttl()).getEpochSecond();
        String payload = memberId + "|" + scope + "|" + expires;
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /** The claims of a valid, unexpired token; empty for anything else. */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 1024) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expires)) {
                return Optional.empty();
            }
            return Optional.of(new Claims(parts[0], parts[1], expires));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * An email's two unsubscribe links, one token: {@code oneClick} for the List-Unsubscribe header (mail
     * clients POST to it, RFC 8058), {@code page} for the footer (the web client's page, which offers a lower
     * frequency or off).
     */
    public record Links(String oneClick, String page) {
    }

    public Links links(String memberId, String scope) {
        String token = issue(memberId, scope);
        return new Links(properties.baseUrl() + PATH + "?token=" + token, pageUrl(token));
    }

    /** The web client's page for a token (the token is URL-safe base64 and a dot). */
    public String pageUrl(String token) {
        return properties.baseUrl() + PAGE + "?token=" + token;
    }

    /** {@code <https://...>, <mailto:...>} as RFC 2369 / 8058 want it. */
    public String listUnsubscribeHeader(String url) {
        String header = "<" + url + ">";
        if (!properties.mailto().isBlank()) {
            header += ", <mailto:" + properties.mailto() + "?subject=unsubscribe>";
        }
        return header;
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
