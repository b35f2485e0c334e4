package org.outward.gateway.security;

import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy on every response that has none yet: the docs page (Swagger UI, served from
 * the gateway's own origin) may load its own scripts and styles and call the gateway; API responses are
 * data, never a page, so they may load nothing at all.
 */
public final class ContentSecurityPolicyWriter implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String DOCS = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    static final String API = "default-src 'none'; frame-ancestors 'none'";

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        var headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HEADER)) {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            headers.set(HEADER, path.startsWith("/api/docs") ? DOCS : API);
        }
        return Mono.empty();
    }
}
