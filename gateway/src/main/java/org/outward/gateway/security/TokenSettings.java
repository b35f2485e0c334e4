package org.outward.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway validates access tokens: the same {@code outward.security.*} properties (and env vars
 * OUTWARD_JWT_ISSUER, OUTWARD_JWT_JWK_SET_URI) the services use, so both check the very same things.
 * Either {@code jwkSetUri} (the identity provider's keys) or {@code publicKey} (RSA public key in PEM,
 * for tests and offline use) must be set.
 *
 * @param issuer    required {@code iss}
 * @param audience  required entry of {@code aud} (default outward-api)
 * @param jwkSetUri the issuer's JWKS endpoint
 * @param publicKey PEM-encoded RSA public key
 * @param cacheSize validated tokens kept to skip signature checks of repeated tokens (0 = no cache)
 */
@ConfigurationProperties("outward.security")
public record TokenSettings(String issuer, String audience, String jwkSetUri, String publicKey, Integer cacheSize) {

    public TokenSettings {
        audience = audience == null || audience.isBlank() ? "outward-api" : audience;
        cacheSize = cacheSize == null ? 10_000 : cacheSize;
    }
}
