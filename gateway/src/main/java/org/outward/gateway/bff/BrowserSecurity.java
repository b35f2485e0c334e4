package org.outward.gateway.bff;

import java.util.Set;
import org.outward.contracts.roster.InMemoryRoster;
import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.outward.gateway.security.ContentSecurityPolicyWriter;
import org.outward.gateway.security.GatewaySecurityConfiguration;
import org.outward.gateway.security.ProblemAuthenticationEntryPoint;
import org.outward.gateway.security.RosterGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.session.WebSessionIdResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browsers' sign-in: every request without an Authorization header (API clients have
 * GatewaySecurityConfiguration's chain). Signed in by {@code oauth2Login} against the identity provider,
 * remembered in the server-side session (cookie {@code SESSION}); /api calls of a session get the session's
 * access token from the routes' TokenRelay filter, so the services see exactly what a bearer client sends.
 *
 * <ul>
 * <li>Unsafe methods of a request with a session cookie need the CSRF token (cookie {@code XSRF-TOKEN}, header
 * {@code X-XSRF-TOKEN}); without a session cookie there is no ambient authority to abuse (e.g. the one-click
 * unsubscribe POST of mail clients), so no token is asked.</li>
 * <li>/api without a session: 401 problem+json, no redirect; /bff/user tells the app whether it is signed in;
 * everything else (the app's pages and assets) is public, the app itself sends people to /bff/login.</li>
 * <li>/api of a session passes the same {@link RosterGate} as bearer tokens: someone the roster removed (or whose
 * library left) is refused with 403 even while their session and its tokens are still valid.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class BrowserSecurity {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Bean
    @Order(2)
    SecurityWebFilterChain browserSecurityChain(ServerHttpSecurity http, ProblemErrorHandler problems,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
            WebSessionIdResolver sessionIds, SignInSettings settings, JsonMapper json, InMemoryRoster roster) {
        CsrfCookies csrfTokens = new CsrfCookies();
        SignInRedirects redirects = new SignInRedirects(csrfTokens);
        ServerWebExchangeMatcher unsafeWithSession = exchange -> !SAFE.contains(exchange.getRequest().getMethod())
                && SessionCookieContextRepository.hasSessionCookie(sessionIds, exchange)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        return http
                .securityContextRepository(new SessionCookieContextRepository(sessionIds))
                .requestCache(cache -> cache.disable())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // CORS is handled by CorsFilter before this chain (problem+json refusals).
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new CsrfHeader())
                        .requireCsrfProtectionMatcher(unsafeWithSession)
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, Problem.csrfRefused())))
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(redirects)
                        .authenticationFailureHandler(redirects))
                .logout(logout -> logout
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/bff/logout"))
                        // The session is removed from the store first, so nothing after it can save it again.
                        .logoutHandler(handlers -> handlers.add(0, new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(new SignOutResponse(settings, json)))
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(GatewaySecurityConfiguration.PUBLIC_PATHS).permitAll()
                        .pathMatchers("/api/**", "/internal/**").access(new RosterGate(roster))
                        .pathMatchers("/bff/user").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(new ProblemAuthenticationEntryPoint(problems))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange,
                                RosterGate.refusal(exchange).map(Problem::forbidden).orElseGet(Problem::forbidden))))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .writer(new ContentSecurityPolicyWriter()))
                .build();
    }
}
