package org.outward.gateway.bff;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The CSRF token is accepted from the {@code X-XSRF-TOKEN} header only, as the cookie's plain value: never from a
 * form field (which would make the gateway read, and so consume, the body of a request it has to forward). The
 * token is never rendered into a page, so the BREACH masking of Spring's default handler buys nothing here.
 */
final class CsrfHeader implements ServerCsrfTokenRequestHandler {

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
        exchange.getAttributes().put(CsrfToken.class.getName(), csrfToken.cache());
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()));
    }
}
