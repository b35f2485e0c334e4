package org.outward.gateway.limits;

import java.time.Duration;
import java.util.List;
import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured web-client origins only ({@code outward.gateway.cors.allowed-origins}, env
 * OUTWARD_WEB_ORIGINS). Preflights are answered here, before token checks (browsers send them without
 * credentials); a cross-origin request from any other origin is refused with a 403 problem. Requests
 * without Origin (curl, services) are not CORS and pass.
 */
@Component
public class CorsFilter implements WebFilter, Ordered {

    private final CorsConfiguration config = new CorsConfiguration();
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemErrorHandler problems;

    public CorsFilter(LimitSettings settings, ProblemErrorHandler problems) {
        this.problems = problems;
        config.setAllowedOrigins(settings.cors().allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, "X-Request-Id"));
        config.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.ETAG, HttpHeaders.LOCATION,
                HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.CONTENT_DISPOSITION));
        // Bearer tokens travel in a header, never in cookies: no credentials mode needed.
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
    }

    @Override
    public int getOrder() {
        return -300; // after RequestIdFilter and the per-IP rate limit, before security
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(config, exchange)) {
            return problems.write(exchange, Problem.corsRefused());
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
