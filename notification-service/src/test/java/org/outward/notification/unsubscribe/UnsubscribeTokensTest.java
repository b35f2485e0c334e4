package org.outward.notification.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private final Instant now = Instant.parse("2027-03-01T12:00:00Z");
    private final UnsubscribeProperties properties = new UnsubscribeProperties("secret-1", Duration.ofDays(60),
            "https://outward.example/", "", 30);
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(properties, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aTokenCarriesWhoAndWhatUntilItExpires() {
        String token = tokens.issue("m-1", "themes");
        UnsubscribeTokens.Claims claims = tokens.verify(token).orElseThrow();
        assertThat(claims.memberId()).isEqualTo("m-1");
        assertThat(claims.scope()).isEqualTo("themes");
        assertThat(claims.expiresAt()).isEqualTo(now.plus(Duration.ofDays(60)));

        UnsubscribeTokens later = new UnsubscribeTokens(properties,
                Clock.fixed(now.plus(Duration.ofDays(60)), ZoneOffset.UTC));
        assertThat(later.verify(token)).isEmpty();
    }

    @Test
    void anotherSecretOrAChangedPayloadIsRefused() {
        String token = tokens.issue("m-1", "themes");
        UnsubscribeTokens other = new UnsubscribeTokens(new UnsubscribeProperties("secret-2", null, null, null, null),
                Clock.fixed(now, ZoneOffset.UTC));
        assertThat(other.verify(token)).isEmpty();
        String[] parts = token.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("m-2|themes|9999999999".getBytes()) + "." + parts[1];
        assertThat(tokens.verify(forged)).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
    }

    @Test
    void headerAndLinkFollowRfc8058() {
        UnsubscribeTokens.Links links = tokens.links("m-1", "daily");
        String url = links.oneClick();
        assertThat(url).startsWith("https://outward.example/api/notifications/unsubscribe?token=");
        // The footer's link is the web client's page, with the same token.
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(links.page()).isEqualTo("https://outward.example/unsubscribe?token=" + token);
        assertThat(tokens.verify(token)).isPresent();
        assertThat(tokens.listUnsubscribeHeader(url)).isEqualTo("<" + url + ">");
        UnsubscribeTokens withMailto = new UnsubscribeTokens(new UnsubscribeProperties("s", null, null,
                "unsubscribe@outward.example", null), Clock.fixed(now, ZoneOffset.UTC));
        assertThat(withMailto.listUnsubscribeHeader(url)).isEqualTo("<" + url
                + ">, <mailto:unsubscribe@outward.example?subject=unsubscribe>");
    }
}
