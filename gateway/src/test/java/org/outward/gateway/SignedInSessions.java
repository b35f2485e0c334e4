package org.outward.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.outward.gateway.session.CachedSessionRepository;
import org.outward.gateway.session.TrackedSession;
import org.outward.platform.test.TestTokens;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;

/**
 * Signed-in browser sessions put straight into the gateway's session store, as oauth2Login leaves them: the OIDC
 * user in the security context, the tokens beside it (the sign-in itself against the real provider is
 * LocalStack's BrowserSignInIT). Used with their cookie only.
 */
final class SignedInSessions {

    static final String AUTHORIZED_CLIENTS =
            WebSessionServerOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS";

    record SignedIn(String sessionId, String accessToken, String idToken) {
    }

    private final CachedSessionRepository sessions;
    private final ReactiveClientRegistrationRepository registrations;

    SignedInSessions(CachedSessionRepository sessions, ReactiveClientRegistrationRepository registrations) {
        this.sessions = sessions;
        this.registrations = registrations;
    }

    /** Robin, a member of library lib-7, with an access token valid for an hour. */
    SignedIn robin() {
        return member("robin@library.example", "lib-7", Instant.now().plus(Duration.ofHours(1)));
    }

    /** A library member whose access token expires at {@code accessTokenExpiry}. */
    SignedIn member(String email, String library, Instant accessTokenExpiry) {
        String accessToken = TestTokens.builder().subject(email).email(email).roles("library-member")
                .library(library).cohort("cohort-3").sign();
        return signedIn(email, library, accessToken, accessTokenExpiry);
    }

    private SignedIn signedIn(String email, String library, String accessToken, Instant accessTokenExpiry) {
        Instant now = Instant.now();
        String idTokenValue = "id-token-" + UUID.randomUUID();
        OidcIdToken idToken = new OidcIdToken(idTokenValue, now, now.plus(Duration.ofHours(1)), Map.of(
                "sub", email, "iss", TestTokens.ISSUER, "aud", List.of("outward-web"),
                "email", email, "name", "Robin Reader", "roles", List.of("library-member"),
                "library_id", library, "cohort_id", "cohort-3"));
        DefaultOidcUser user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), idToken);
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), "outward");
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("outward").block(),
                user.getName(), new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
                        now.minusSeconds(600), accessTokenExpiry), new OAuth2RefreshToken("refresh-1", now));
        TrackedSession session = sessions.createSession().block();
        session.setAttribute(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                new SecurityContextImpl(authentication));
        session.setAttribute(AUTHORIZED_CLIENTS, new HashMap<>(Map.of("outward", client)));
        sessions.save(session).block();
        return new SignedIn(session.getId(), accessToken, idTokenValue);
    }
}
