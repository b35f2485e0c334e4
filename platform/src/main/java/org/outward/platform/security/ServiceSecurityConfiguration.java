package org.outward.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.outward.contracts.roster.RosterView;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service checks the access token itself, whatever the gateway did, so a request that bypasses the gateway
 * gets nothing: signature (RS256 only, so {@code alg: none} and HMAC tricks fail), expiry, issuer and audience.
 * Then, on every request, the token's bearer must still be on the roster ({@link RosterCheck}): a valid token of
 * someone removed is refused with 403. Sessions are never created; CSRF protection is off because no cookie
 * carries credentials.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(JwtSettings.class)
public class ServiceSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtSettings settings) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("outward.security.issuer must be set (env OUTWARD_JWT_ISSUER)");
        }
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (settings.publicKey() != null && !settings.publicKey().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(settings.publicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            throw new IllegalStateException("set outward.security.jwk-set-uri or outward.security.public-key");
        }
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(settings.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), audience));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    RosterCheck rosterCheck(RosterView roster) {
        return new RosterCheck(roster);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtSettings settings, RosterCheck rosterCheck)
            throws Exception {
        List<String> open = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
                "/actuator/prometheus",
                "/v3/api-docs", "/v3/api-docs/**"));
        open.addAll(settings.publicPaths());
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(CallerArgumentResolver.CLAIM_ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().access(new RosterAuthorization(rosterCheck)))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemResponses.write(response, 401, "Unauthorized",
                                    "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, 403,
                                "Forbidden", RosterAuthorization.refusal(request))))
                .exceptionHandling(ex -> ex
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, 403,
                                "Forbidden", RosterAuthorization.refusal(request)))
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemResponses.write(response, 401, "Unauthorized",
                                    "A valid bearer token is required.");
                        }));
        return http.build();
    }

    @Bean
    WebMvcConfigurer callerArgument(RosterCheck rosterCheck) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver(rosterCheck));
            }
        };
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
