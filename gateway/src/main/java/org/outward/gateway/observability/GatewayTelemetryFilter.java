package org.outward.gateway.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.outward.gateway.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Right after the request-id filter: links the request id to the request's trace (span tag
 * {@value #TAG_REQUEST_ID}, response header {@value #HEADER_TRACE_ID}), and counts the requests the gateway's
 * limits turned away, {@code outward_gateway_limit_rejections_total{limit}} with limit {@code rate} (429) or
 * {@code body_size} (413). Counted when the response is committed, so refusals rendered by the error handler
 * count as well.
 */
@Component
public class GatewayTelemetryFilter implements WebFilter, Ordered {

    public static final String TAG_REQUEST_ID = "outward.request_id";
    public static final String HEADER_TRACE_ID = "X-Trace-Id";

    private final Counter rateLimited;
    private final Counter tooLarge;

    public GatewayTelemetryFilter(MeterRegistry registry) {
        this.rateLimited = rejections(registry, "rate");
        this.tooLarge = rejections(registry, "body_size");
    }

    private static Counter rejections(MeterRegistry registry, String limit) {
        return Counter.builder("outward.gateway.limit.rejections")
                .description("Requests refused by a gateway limit: rate (429) or body_size (413)")
                .tag("limit", limit).register(registry);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        ServerRequestObservationContext.findCurrent(exchange.getAttributes()).ifPresent(context -> {
            if (requestId != null) {
                context.addHighCardinalityKeyValue(KeyValue.of(TAG_REQUEST_ID, requestId.toString()));
            }
            TracingObservationHandler.TracingContext tracing =
                    context.get(TracingObservationHandler.TracingContext.class);
            if (tracing != null && tracing.getSpan() != null) {
                String traceId = tracing.getSpan().context().traceId();
                exchange.getResponse().getHeaders().set(HEADER_TRACE_ID, traceId);
            }
        });
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status != null && status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                rateLimited.increment();
            } else if (status != null && status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                tooLarge.increment();
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
