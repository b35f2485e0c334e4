package org.outward.gateway.resilience;

import io.swagger.v3.oas.annotations.Hidden;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's CircuitBreaker filter forwards when the call failed or the breaker is open: renders
 * the failure as problem+json at once (503 for unreachable or open, 504 for timeouts, 413 for a body cut
 * off), through the same mapping as every other gateway error.
 */
@Hidden
@RestController
public class FallbackController {

    public static final String PATH = "/internal/fallback";

    private final ProblemErrorHandler problems;

    public FallbackController(ProblemErrorHandler problems) {
        this.problems = problems;
    }

    @RequestMapping(PATH)
    public Mono<Void> fallback(ServerWebExchange exchange) {
        Throwable error = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (error == null) { // called from outside, not forwarded by a circuit breaker
            error = new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return problems.handle(exchange, error);
    }
}
