package org.outward.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.outward.platform.web.RequestIds;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Links the request id to the trace: the request's server span gets the tag {@value #TAG}, and the response
 * the header {@value #HEADER}, so an operator holding either finds the other. Runs inside the server
 * observation (after Boot's observation filter) and after the request-id filter.
 */
public class TraceRequestIdFilter extends OncePerRequestFilter {

    public static final String TAG = "outward.request_id";
    public static final String HEADER = "X-Trace-Id";

    private final Tracer tracer;

    public TraceRequestIdFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.current();
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> {
            if (requestId != null) {
                context.addHighCardinalityKeyValue(KeyValue.of(TAG, requestId));
            }
        });
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span != null) {
            response.setHeader(HEADER, span.context().traceId());
        }
        chain.doFilter(request, response);
    }
}
