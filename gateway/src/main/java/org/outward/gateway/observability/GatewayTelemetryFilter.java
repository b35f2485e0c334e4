package org.outward.gateway.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.outward.gateway.web.RequestIds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
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
 * {@value #TAG_REQUEST_ID}, response header {@value #HEADER_TRACE_ID}), hands the trace to the services (W3C
 * {@code traceparent} of the gateway's server span on the routed request), and counts the requests the gateway's
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
    private final Propagator propagator;

    public GatewayTelemetryFilter(MeterRegistry registry, ObjectProvider<Propagator> propagator) {
        this.rateLimited = rejections(registry, "rate");
        this.tooLarge = rejections(registry, "body_size");
        this.propagator = propagator.getIfAvailable();
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
    public Mono<Void> filter(ServerWebExchange original, WebFilterChain chain) {
        ServerWebExchange exchange = original;
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes()).map(context -> {
            if (requestId != null) {
                context.addHighCardinalityKeyValue(KeyValue.of(TAG_REQUEST_ID, requestId.toString()));
            }
            TracingObservationHandler.TracingContext tracing =
                    context.get(TracingObservationHandler.TracingContext.class);
            return tracing == null ? null : tracing.getSpan();
        }).orElse(null);
        if (span != null) {
            exchange.getResponse().getHeaders().set(HEADER_TRACE_ID, span.context().traceId());
            if (propagator != null) {
                // The services continue the gateway's trace: its server span is their parent (W3C traceparent).
                exchange = exchange.mutate().request(request -> request.headers(headers ->
                        propagator.inject(span.context(), headers, HttpHeaders::set))).build();
            }
        }
        ServerWebExchange routed = exchange;
        routed.getResponse().beforeCommit(() -> {
            HttpStatusCode status = routed.getResponse().getStatusCode();
            if (status != null && status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                rateLimited.increment();
            } else if (status != null && status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                tooLarge.increment();
            }
            return Mono.empty();
        });
        return chain.filter(routed);
    }
}
