package org.outward.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer         the {@code iss} of every token, also where clients discover this provider
 * @param audience       the {@code aud} the services require
 * @param tokenTtl       lifetime of access tokens
 * @param devPassword    the one password of every development user
 * @param keyFile        where the signing key is kept between restarts (empty: a new key each start)
 * @param bootstrapStaff staff users that exist before any roster event
 * @param webClient      the browser's client, the gateway (authorization code with PKCE)
 */
@ConfigurationProperties("outward.identity")
public record IdentityProperties(
        String issuer,
        String audience,
        Duration tokenTtl,
        String devPassword,
        String keyFile,
        List<Person> bootstrapStaff,
        WebClient webClient) {

    public record Person(String email, String name) {
    }

    /**
     * @param clientSecret           the confidential client's secret (env only, no default)
     * @param refreshTokenTtl        lifetime of the refresh tokens the gateway renews a session's access token with
     * @param redirectUris           where the code may be sent: the gateway's /login/oauth2/code/outward
     * @param postLogoutRedirectUris where the browser may be sent after signing out: the app's home page
     */
    public record WebClient(String clientId, String clientSecret, Duration refreshTokenTtl, List<String> redirectUris,
            List<String> postLogoutRedirectUris) {
        public WebClient {
            refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(12) : refreshTokenTtl;
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }
    }
}
