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
 * @param webClient      the browser client (authorization code with PKCE)
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

    public record WebClient(String clientId, List<String> redirectUris) {
    }
}
