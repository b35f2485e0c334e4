package org.outward.gateway.web;

import java.util.concurrent.TimeUnit;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Gives every request an X-Request-Id (a well-formed incoming one is kept), passes it downstream,
 * returns it to the caller and logs one access line per request.
 *
 * <p>A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters only run for
 * requests that matched a route, but unknown paths, actuator calls and gateway errors need the id
 * too. It runs first, and renders errors itself (through the same {@link ProblemErrorHandler} that
 * is registered globally) so the access line shows the final status of failed requests as well.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    private final ProblemErrorHandler problems;

    public RequestIdFilter(ProblemErrorHandler problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String requestId = RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestIds.HEADER, requestId)))
                .build();
        withId.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        withId.getAttributes().put(RequestIds.PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        // Set at commit time with set(), not now: the routing filter *adds* the downstream's headers,
        // and the services echo X-Request-Id, which would otherwise arrive twice.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId)
                .onErrorResume(error -> problems.handle(withId, error))
                .doFinally(signal -> logAccess(withId, requestId, signal, start));
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, SignalType signal, long start) {
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // The raw path only: it is percent-encoded (no line breaks) and the query may carry tokens later.
        String outcome = signal == SignalType.CANCEL ? " (cancelled by client)"
                : signal == SignalType.ON_ERROR ? " (failed after response started)" : "";
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            log.info("{} {} -> {} in {} ms requestId={}{}", request.getMethod(), request.getPath().value(),
                    status == null ? 200 : status.value(), millis, requestId, outcome);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
