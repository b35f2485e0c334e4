package org.outward.gateway.bff;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway signs browsers in as an OpenID Connect client ({@code outward.sign-in.*}). The provider's
 * endpoints are set one by one rather than discovered: the gateway then starts without the provider, and the
 * browser-facing endpoints (authorization, end of session) may have another host than the back-channel ones the
 * gateway calls itself (token, keys, user info), as in docker compose.
 *
 * @param publicBaseUrl the gateway's public URL (WEB_BASE_URL): redirect and post-logout addresses derive from it
 * @param clientId      the client id at the provider (default outward-web)
 * @param clientSecret  the client secret (OUTWARD_WEB_CLIENT_SECRET); required, never defaulted
 * @param provider      the provider's issuer and endpoints
 */
@ConfigurationProperties("outward.sign-in")
public record SignInSettings(String publicBaseUrl, String clientId, String clientSecret, Provider provider) {

    public SignInSettings {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalStateException("outward.sign-in.public-base-url must be set (env WEB_BASE_URL)");
        }
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        clientId = clientId == null || clientId.isBlank() ? "outward-web" : clientId;
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("outward.sign-in.client-secret must be set (env OUTWARD_WEB_CLIENT_SECRET): "
                    + "the gateway is a confidential client of the identity provider");
        }
        if (provider == null) {
            throw new IllegalStateException("outward.sign-in.provider.* must be set");
        }
    }

    /**
     * @param issuer           the {@code iss} of ID tokens (checked)
     * @param authorizationUri where the browser signs in
     * @param tokenUri         where the gateway exchanges codes and refresh tokens (back channel)
     * @param jwkSetUri        the keys that sign ID tokens (back channel)
     * @param userInfoUri      user info (back channel)
     * @param endSessionUri    where the browser ends its session at the provider (RP-initiated logout)
     */
    public record Provider(String issuer, String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri,
            String endSessionUri) {
    }

    /** Where the provider sends the browser back with the code. */
    public String redirectUri() {
        return publicBaseUrl + "/login/oauth2/code/" + SignInConfiguration.REGISTRATION_ID;
    }

    /** Where the provider sends the browser after signing out: the app's home page. */
    public String postLogoutRedirectUri() {
        return publicBaseUrl + "/";
    }
}
