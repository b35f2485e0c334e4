package org.outward.gateway.bff;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The backend-for-frontend endpoints the web app calls (POST /bff/logout is BrowserSecurity's logout filter):
 * <ul>
 * <li>GET /bff/user: who is signed in, {@code {subject, email, name, roles, libraryId, cohortId}} from the
 * provider's ID token and user info (for a bearer caller, from its token); 401 problem+json when nobody is.
 * It also hands the app its CSRF token (cookie XSRF-TOKEN) for the unsafe calls that follow.</li>
 * <li>GET /bff/login?returnTo=/path: starts sign-in at the provider (authorization code with PKCE); afterwards the
 * browser lands on {@code returnTo}, a path of this site (anything else: /). It always goes to the provider,
 * also for someone signed in whose tokens can no longer be refreshed: a provider session that is still open
 * answers without asking for the password again.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SignInEndpoints {

    static final String AUTHORIZATION_START = "/oauth2/authorization/" + SignInConfiguration.REGISTRATION_ID;

    @Bean
    RouterFunction<ServerResponse> bffRoutes(ServerOAuth2AuthorizedClientRepository authorizedClients,
            ProblemErrorHandler problems) {
        return RouterFunctions.route()
                .GET("/bff/user", request -> user(request, authorizedClients, problems))
                .GET("/bff/login", SignInEndpoints::login)
                .build();
    }

    private static Mono<ServerResponse> user(ServerRequest request, ServerOAuth2AuthorizedClientRepository authorizedClients,
            ProblemErrorHandler problems) {
        ServerWebExchange exchange = request.exchange();
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return request.principal()
                .cast(Authentication.class)
                .flatMap(authentication -> signedIn(authentication, exchange, authorizedClients))
                .flatMap(claims -> csrf.then(ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(user(claims))))
                // Signed in once, but the tokens are gone (could not be refreshed): as good as signed out.
                .switchIfEmpty(Mono.defer(() -> problems.write(exchange, Problem.signInExpired()).then(Mono.empty())));
    }

    /** The claims of a usable sign-in: a session whose tokens are still there, or a valid bearer token. */
    private static Mono<Map<String, Object>> signedIn(Authentication authentication, ServerWebExchange exchange,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            return authorizedClients.loadAuthorizedClient(token.getAuthorizedClientRegistrationId(), token, exchange)
                    .map(client -> user.getClaims());
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Mono.just(jwt.getToken().getClaims());
        }
        return Mono.empty();
    }

    static Map<String, Object> user(Map<String, Object> claims) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("subject", claims.get("sub"));
        user.put("email", claims.get("email"));
        user.put("name", claims.get("name"));
        Object roles = claims.get("roles");
        user.put("roles", roles instanceof List<?> list ? list : List.of());
        user.put("libraryId", claims.get("library_id"));
        user.put("cohortId", claims.get("cohort_id"));
        return user;
    }

    private static Mono<ServerResponse> login(ServerRequest request) {
        String returnTo = ReturnTo.sanitize(request.queryParam("returnTo").orElse(null));
        return request.session()
                .doOnNext(session -> session.getAttributes().put(ReturnTo.SESSION_ATTRIBUTE, returnTo))
                .then(ServerResponse.seeOther(URI.create(AUTHORIZATION_START)).cacheControl(CacheControl.noStore()).build());
    }
}
