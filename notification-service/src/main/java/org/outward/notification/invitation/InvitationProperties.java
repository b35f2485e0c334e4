package org.outward.notification.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signInPath where the link of an account invitation points, under the web client's address
 *                   ({@code outward.web.base-url}): the gateway's sign-in
 * @param maxAge     a person added longer ago than this gets no invitation from a replayed roster event (a new
 *                   database reading the compacted roster topic from its start must not invite everyone again)
 */
@ConfigurationProperties("outward.invitations")
public record InvitationProperties(String signInPath, Duration maxAge) {

    public InvitationProperties {
        signInPath = signInPath == null || signInPath.isBlank() ? "/bff/login?returnTo=/" : signInPath.trim();
        if (!signInPath.startsWith("/")) {
            signInPath = "/" + signInPath;
        }
        maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
    }
}
