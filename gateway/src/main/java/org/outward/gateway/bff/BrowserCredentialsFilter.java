package org.outward.gateway.bff;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The browser's credentials for the gateway stay at the gateway: the session cookie (and every other cookie of
 * this site) and the CSRF header are removed from requests forwarded to the services, which authenticate by the
 * bearer token alone. A request without them (every API client) is forwarded untouched, without a copy.
 */
@Component
public class BrowserCredentialsFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100; // before the routing filter, after the route's own filters
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!headers.containsHeader(HttpHeaders.COOKIE) && !headers.containsHeader(CsrfCookies.HEADER)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(writable -> {
                    writable.remove(HttpHeaders.COOKIE);
                    writable.remove(CsrfCookies.HEADER);
                }))
                .build());
    }
}
