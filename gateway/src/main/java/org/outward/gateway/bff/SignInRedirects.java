package org.outward.gateway.bff;

import java.net.URI;
import org.outward.gateway.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import reactor.core.publisher.Mono;

/**
 * Where the browser lands when the provider sends it back: on success, the page it asked for at /bff/login
 * (kept in the session), with a new CSRF token (the one from before sign-in is dropped); on failure (refused
 * consent, stale or forged state), the home page with {@code ?signin=failed}, so the app can say so.
 */
final class SignInRedirects implements ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler {

    static final String FAILED = "/?signin=failed";

    private static final Logger log = LoggerFactory.getLogger(SignInRedirects.class);

    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
    private final ServerCsrfTokenRepository csrfTokens;

    SignInRedirects(ServerCsrfTokenRepository csrfTokens) {
        this.csrfTokens = csrfTokens;
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        var exchange = webFilterExchange.getExchange();
        return exchange.getSession()
                .map(session -> {
                    String returnTo = session.getAttribute(ReturnTo.SESSION_ATTRIBUTE);
                    session.getAttributes().remove(ReturnTo.SESSION_ATTRIBUTE);
                    return ReturnTo.sanitize(returnTo);
                })
                .flatMap(target -> csrfTokens.saveToken(exchange, null)
                        .then(redirects.sendRedirect(exchange, URI.create(target))));
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        var exchange = webFilterExchange.getExchange();
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : exception.getClass().getSimpleName();
        String requestId = RequestIds.of(exchange);
        MDC.put(RequestIds.MDC_KEY, requestId == null ? "" : requestId);
        try {
            log.info("sign-in failed: {} requestId={}", reason, requestId);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        return redirects.sendRedirect(exchange, URI.create(FAILED));
    }
}
