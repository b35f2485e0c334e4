package org.outward.gateway.bff;

import java.util.List;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF token in the {@code XSRF-TOKEN} cookie, readable by the app's JavaScript (which sends it back in
 * {@code X-XSRF-TOKEN}); SameSite=Lax, and Secure when the request came over https, like the session cookie
 * (Spring's repository alone decides Secure by the TLS connection, which a proxy in front terminates).
 */
final class CsrfCookies implements ServerCsrfTokenRepository {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private final CookieServerCsrfTokenRepository cookies = CookieServerCsrfTokenRepository.withHttpOnlyFalse();

    CsrfCookies() {
        cookies.setCookieName(COOKIE);
        cookies.setHeaderName(HEADER);
        cookies.setCookiePath("/");
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return cookies.generateToken(exchange);
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return cookies.saveToken(exchange, token).then(Mono.fromRunnable(() -> {
            if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
                List<ResponseCookie> written = exchange.getResponse().getCookies().get(COOKIE);
                if (written != null) {
                    exchange.getResponse().getCookies().put(COOKIE,
                            written.stream().map(cookie -> cookie.mutate().secure(true).build()).toList());
                }
            }
        }));
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return cookies.loadToken(exchange);
    }
}
