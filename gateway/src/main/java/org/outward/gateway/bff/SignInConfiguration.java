package org.outward.gateway.bff;

import org.outward.gateway.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway as the browser's OpenID Connect client (backend-for-frontend): authorization code with PKCE, as a
 * confidential client (client secret from the environment). Confidential because the gateway is a server that
 * can keep a secret: a stolen code alone cannot be redeemed, refresh tokens are bound to the secret, and
 * PKCE still protects the code in the browser's URL. The tokens stay in the server-side session; the browser
 * only ever holds the session cookie.
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    /** Also the last path segment of the redirect URI: /login/oauth2/code/outward. */
    public static final String REGISTRATION_ID = "outward";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(SignInSettings settings) {
        SignInSettings.Provider provider = settings.provider();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri(settings.redirectUri())
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)
                .issuerUri(provider.issuer())
                .authorizationUri(provider.authorizationUri())
                .tokenUri(provider.tokenUri())
                .jwkSetUri(provider.jwkSetUri())
                .userInfoUri(provider.userInfoUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName("Outward")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /** Tokens live in the session (MongoDB), so every gateway instance can relay and refresh them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by the TokenRelay filter: the session's access token, refreshed with the refresh token once expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        // As the defaults do (keep the renewed tokens; forget them when the provider refuses the refresh token, so
        // the session asks for a new sign-in), each with one log line: renewals are rare events worth seeing.
        manager.setAuthorizationSuccessHandler((client, principal, attributes) -> {
            ServerWebExchange exchange = (ServerWebExchange) attributes.get(ServerWebExchange.class.getName());
            logWith(exchange, "session access token renewed at the provider");
            return authorizedClients.saveAuthorizedClient(client, principal, exchange);
        });
        RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler forget =
                new RemoveAuthorizedClientReactiveOAuth2AuthorizationFailureHandler((registrationId, principal,
                        attributes) -> authorizedClients.removeAuthorizedClient(registrationId, principal,
                                (ServerWebExchange) attributes.get(ServerWebExchange.class.getName())));
        manager.setAuthorizationFailureHandler((exception, principal, attributes) -> {
            logWith((ServerWebExchange) attributes.get(ServerWebExchange.class.getName()),
                    "session access token not renewed (" + exception.getError().getErrorCode()
                            + "): the browser is asked to sign in again");
            return forget.onAuthorizationFailure(exception, principal, attributes);
        });
        return manager;
    }

    private static void logWith(ServerWebExchange exchange, String message) {
        String requestId = exchange == null ? null : RequestIds.of(exchange);
        MDC.put(RequestIds.MDC_KEY, requestId == null ? "" : requestId);
        try {
            log.info("{} requestId={}", message, requestId);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
