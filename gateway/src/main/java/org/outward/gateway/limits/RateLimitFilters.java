package org.outward.gateway.limits;

import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.outward.gateway.web.ClientAddresses;
import org.outward.gateway.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits, 429 problem+json with Retry-After when exceeded. Two filters: per client IP BEFORE token
 * validation (a flood of junk tokens must not buy RSA checks), per user (token subject) after it, so one
 * user cannot exhaust the services from many addresses and users behind one NAT are not limited together
 * beyond the (higher) per-IP limit. The client IP is the TCP peer, or the address forwarded by a trusted proxy
 * ({@link ClientAddresses}): a client that is not a trusted proxy cannot choose its bucket with headers.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitFilters {

    /** Right after request ids: before CORS (-300, so preflight floods count too) and security (-100). */
    static final int IP_ORDER = -400;
    /** After the security chain. */
    static final int USER_ORDER = -90;

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilters.class);

    @Bean
    WebFilter perIpRateLimit(LimitSettings settings, ProblemErrorHandler problems, ClientAddresses clients) {
        LimitSettings.RateLimit limits = settings.rateLimit();
        TokenBuckets buckets = new TokenBuckets(limits.perIp(), limits.maxClients(), System::nanoTime);
        return ordered(IP_ORDER, (exchange, chain) -> {
            if (!limits.enabled()) {
                return chain.filter(exchange);
            }
            long wait = buckets.tryAcquire("ip:" + clients.of(exchange));
            return wait == 0 ? chain.filter(exchange) : refuse(exchange, problems, wait, "ip");
        });
    }

    @Bean
    WebFilter perUserRateLimit(LimitSettings settings, ProblemErrorHandler problems) {
        LimitSettings.RateLimit limits = settings.rateLimit();
        TokenBuckets buckets = new TokenBuckets(limits.perUser(), limits.maxClients(), System::nanoTime);
        return ordered(USER_ORDER, (exchange, chain) -> {
            if (!limits.enabled()) {
                return chain.filter(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    // Callers of public paths (no token) are limited per IP only, not all together as "anonymous".
                    .filter(authentication -> authentication.isAuthenticated()
                            && !(authentication instanceof AnonymousAuthenticationToken)
                            && authentication.getName() != null)
                    .map(authentication -> buckets.tryAcquire("user:" + authentication.getName()))
                    .defaultIfEmpty(0L)
                    .flatMap(wait -> wait == 0 ? chain.filter(exchange) : refuse(exchange, problems, wait, "user"));
        });
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, ProblemErrorHandler problems, long waitSeconds,
            String limit) {
        String requestId = RequestIds.of(exchange);
        MDC.put(RequestIds.MDC_KEY, requestId == null ? "" : requestId);
        try {
            log.debug("rate limit per {} exceeded: {} {}", limit, exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        return problems.write(exchange, Problem.tooManyRequests());
    }

    static WebFilter ordered(int order, WebFilter filter) {
        return new OrderedWebFilter(order, filter);
    }

    private record OrderedWebFilter(int order, WebFilter delegate) implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return delegate.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
