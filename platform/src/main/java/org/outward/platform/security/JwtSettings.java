package org.outward.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services validate access tokens. Either {@code jwkSetUri} (the identity provider's keys, normal case)
 * or {@code publicKey} (an RSA public key in PEM, for tests and offline use) must be set.
 *
 * @param issuer      required {@code iss} of every token
 * @param audience    required entry of {@code aud}
 * @param jwkSetUri   the issuer's JWKS endpoint
 * @param publicKey   PEM-encoded RSA public key
 * @param publicPaths Ant-style paths that need no token (health probes are always public)
 */
@ConfigurationProperties("outward.security")
public record JwtSettings(String issuer, String audience, String jwkSetUri, String publicKey, List<String> publicPaths) {

    public JwtSettings {
        audience = audience == null || audience.isBlank() ? "outward-api" : audience;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
