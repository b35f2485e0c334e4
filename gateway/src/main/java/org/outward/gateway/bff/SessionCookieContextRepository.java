package org.outward.gateway.bff;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The sign-in of a browser request is in its session, but only a request that brings a session cookie has one:
 * for all others (the app's pages and assets before sign-in, the unsubscribe link, probes) nothing is looked up
 * and no session object is made.
 */
final class SessionCookieContextRepository implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final WebSessionIdResolver sessionIds;

    SessionCookieContextRepository(WebSessionIdResolver sessionIds) {
        this.sessionIds = sessionIds;
    }

    static boolean hasSessionCookie(WebSessionIdResolver sessionIds, ServerWebExchange exchange) {
        return !sessionIds.resolveSessionIds(exchange).isEmpty();
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return hasSessionCookie(sessionIds, exchange) ? sessions.load(exchange) : Mono.empty();
    }
}
