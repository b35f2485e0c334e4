package org.outward.gateway.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.outward.gateway.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error the gateway itself produces (unknown path, service unreachable, timeout,
 * anything unexpected) as RFC 9457 {@code application/problem+json} with the request id, in the same
 * shape as the services' platform ProblemHandler. Being Boot's {@link ErrorWebExceptionHandler}, it
 * replaces the DefaultErrorWebExceptionHandler (its auto-configuration backs off), so no Whitelabel
 * page or default error JSON ever leaves the gateway.
 * Problems returned by the services are ordinary responses to the gateway and pass through as is.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final JsonMapper json;

    public ProblemErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Status and headers are already on the wire (e.g. a service broke off mid-body):
            // nothing sensible can be written any more, let the server close the connection.
            return Mono.error(error);
        }
        String requestId = RequestIds.of(exchange);
        if (requestId == null) { // failed before RequestIdFilter ran
            requestId = RequestIds.acceptOrGenerate(null);
            response.getHeaders().set(RequestIds.HEADER, requestId);
        }
        Problem problem = Problem.of(error);
        logProblem(exchange, problem, error, requestId);
        if (error instanceof ErrorResponse errorResponse) {
            response.getHeaders().putAll(errorResponse.getHeaders()); // e.g. Allow on 405
        }
        return write(exchange, problem, requestId);
    }

    /**
     * Writes a problem the gateway decided on itself (401, 403, 413, 429, 503...), without logging it as
     * a failure: these are answers, not errors. Extra headers (WWW-Authenticate, Retry-After) are set by
     * the caller before.
     */
    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        String requestId = RequestIds.of(exchange);
        if (requestId == null) {
            requestId = RequestIds.acceptOrGenerate(null);
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        }
        return write(exchange, problem, requestId);
    }

    private Mono<Void> write(ServerWebExchange exchange, Problem problem, String requestId) {
        ServerHttpResponse response = exchange.getResponse();
        // Content headers may already hold the downstream's values (the routing filter copies them
        // before the body is streamed); they would describe the wrong body.
        response.getHeaders().clearContentHeaders();
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        byte[] body = json.writeValueAsBytes(body(problem, RequestIds.pathOf(exchange), requestId));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private static Map<String, Object> body(Problem problem, String path, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", path);
        body.put("requestId", requestId);
        return body;
    }

    private static void logProblem(ServerWebExchange exchange, Problem problem, Throwable error, String requestId) {
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            String request = exchange.getRequest().getMethod() + " " + RequestIds.pathOf(exchange);
            if (problem.downstream()) {
                // Expected operational failure: one line, no stack trace.
                log.warn("{} -> {}: {} requestId={}", request, problem.status().value(), error.toString(), requestId);
            } else if (problem.status().is5xxServerError()) {
                log.error("{} -> {} requestId={}", request, problem.status().value(), requestId, error);
            } else {
                log.debug("{} -> {}: {} requestId={}", request, problem.status().value(), error.toString(), requestId);
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
