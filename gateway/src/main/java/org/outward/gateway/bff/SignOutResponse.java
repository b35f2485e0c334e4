package org.outward.gateway.bff;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to POST /bff/logout, after the gateway session has ended: 200 {@code {"logoutUrl": ...}}, the
 * provider's end-session endpoint with {@code id_token_hint} and {@code post_logout_redirect_uri} (RP-initiated
 * logout), to which the app sends the browser so that the provider's session ends too and the browser comes back
 * to the home page. Someone who was not signed in gets the home page.
 */
final class SignOutResponse implements ServerLogoutSuccessHandler {

    private final SignInSettings settings;
    private final JsonMapper json;

    SignOutResponse(SignInSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        var response = webFilterExchange.getExchange().getResponse();
        byte[] body = json.writeValueAsBytes(Map.of("logoutUrl", logoutUrl(authentication)));
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    String logoutUrl(Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            return UriComponentsBuilder.fromUriString(settings.provider().endSessionUri())
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", settings.postLogoutRedirectUri())
                    .queryParam("client_id", settings.clientId())
                    .encode()
                    .build()
                    .toUriString();
        }
        return settings.postLogoutRedirectUri();
    }
}
