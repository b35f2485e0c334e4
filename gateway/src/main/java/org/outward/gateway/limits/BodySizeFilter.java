package org.outward.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.outward.gateway.errors.Problem;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request body limits per path ({@code outward.gateway.max-body.*}): a declared Content-Length over the
 * limit is refused with 413 before anything is read or forwarded; a body without length (chunked) is
 * counted while it streams and cut off with 413 as soon as it passes the limit, so the service never
 * gets a complete oversize body (its connection is aborted).
 * Runs before token validation: refusing by size costs nothing.
 */
@Component
public class BodySizeFilter implements WebFilter, Ordered {

    /** Thrown into the streamed body; rendered as 413 problem+json by the error handler. */
    public static final class BodyTooLargeException extends ResponseStatusException {
        BodyTooLargeException(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, Problem.bodyTooLarge(limit).detail());
        }
    }

    private final LimitSettings settings;
    private final ProblemErrorHandler problems;

    public BodySizeFilter(LimitSettings settings, ProblemErrorHandler problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = settings.maxBody().bytesFor(request.getPath().pathWithinApplication().value());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, Problem.bodyTooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange); // the server reads exactly Content-Length bytes, never more
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
