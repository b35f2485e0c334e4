package org.outward.gateway.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.outward.contracts.roster.InMemoryRoster;
import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * API clients' sign-in (requests with an Authorization header; browsers are BrowserSecurity's): every request
 * needs a valid RS256 bearer token (signature,
 * issuer, audience, expiry), checked here with the same settings the services use; the services check it
 * again, so nothing relies on the gateway alone. Then {@link RosterGate}: a valid token of someone the roster has
 * removed (or whose library left) is refused with 403. The Authorization header is passed on unchanged.
 * Stateless (no session, no cookie, hence no CSRF token). Refusals are problem+json like every error,
 * 401 carrying {@code WWW-Authenticate: Bearer}. Security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    /**
     * Needing no token: probes, the docs page and specs, the one-click unsubscribe link of emails, and the personal
     * calendar feeds (a calendar app cannot sign in: the signed, revocable token in the path is the credential).
     */
    public static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
        "/actuator/prometheus",
        "/api/docs", "/api/docs/**", "/api/notifications/unsubscribe/**", "/api/notifications/calendar/feed/**"};

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenSettings settings, Clock clock) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("outward.security.issuer must be set (env OUTWARD_JWT_ISSUER)");
        }
        NimbusReactiveJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (settings.publicKey() != null && !settings.publicKey().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(rsaPublicKey(settings.publicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            throw new IllegalStateException("set outward.security.jwk-set-uri or outward.security.public-key");
        }
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(settings.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience));
        return settings.cacheSize() > 0 ? new CachingJwtDecoder(decoder, clock, settings.cacheSize()) : decoder;
    }

    /** Requests with an Authorization header: API clients. They never get a session, a cookie or CSRF checks. */
    public static final ServerWebExchangeMatcher BEARER_REQUESTS = exchange ->
            exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

    @Bean
    InMemoryRoster roster() {
        return new InMemoryRoster();
    }

    /** Off only in tests that run without a broker; a gateway in service always follows the roster topic. */
    @Bean
    @ConditionalOnProperty(name = "outward.gateway.roster.enabled", matchIfMissing = true)
    RosterFeed rosterFeed(InMemoryRoster roster) {
        return new RosterFeed(roster);
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ProblemErrorHandler problems, InMemoryRoster roster) {
        ServerAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(exchange,
                RosterGate.refusal(exchange).map(Problem::forbidden).orElseGet(Problem::forbidden));
        return http
                // Requests carrying a token; browsers (session cookie) have their own chain, BrowserSecurity.
                .securityMatcher(BEARER_REQUESTS)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // CORS is handled by CorsFilter before this chain (problem+json refusals).
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .anyExchange().access(new RosterGate(roster)))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .writer(new ContentSecurityPolicyWriter()))
                .build();
    }

    static RSAPublicKey rsaPublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("outward.security.public-key is not an RSA public key in PEM", e);
        }
    }
}
