package org.outward.gateway.security;

import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every "who are you?" refusal of the gateway, for bearer-token callers and browsers alike: a 401 problem+json,
 * never a redirect (a browser app calls /bff/login itself). RFC 6750: a bare {@code Bearer} challenge when no
 * token came, {@code invalid_token} (no details) when one was refused.
 */
public final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemErrorHandler problems;

    public ProblemAuthenticationEntryPoint(ProblemErrorHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(exchange, Problem.unauthorized());
    }
}
