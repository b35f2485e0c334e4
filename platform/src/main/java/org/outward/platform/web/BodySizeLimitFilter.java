package org.outward.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.outward.platform.errors.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Caps request bodies (JSON) at {@code outward.web.max-body-size} (default 1 MB) with a 413 problem.
 *
 * <ul>
 *   <li>A declared Content-Length over the limit is refused before anything is read. Tomcat then
 *       discards the unread rest up to {@code server.tomcat.max-swallow-size} and closes the
 *       connection beyond that, so a huge upload cannot tie up a thread.</li>
 *   <li>A body without Content-Length (chunked) is read up to one byte past the limit. Within the
 *       limit it is handed on from memory: JSON bodies are parsed in memory anyway, so buffering at
 *       most the limit costs nothing extra. Past it, 413 and the rest is never read.</li>
 * </ul>
 *
 * The 413 goes through the MVC exception resolvers, so it looks like every other problem
 * (problem+json with the request id). Multipart uploads are left to their own limits.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BodySizeLimitFilter.class);

    private final long maxBytes;
    private final HandlerExceptionResolver resolver;

    public BodySizeLimitFilter(long maxBytes, HandlerExceptionResolver resolver) {
        this.maxBytes = maxBytes;
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isMultipart(request)) {
            // Attachments have their own per-file and per-request limits, enforced while the
            // container streams the parts to disk (spring.servlet.multipart.*).
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(request, response, "Content-Length " + declared);
            return;
        }
        HttpServletRequest checked = request;
        if (declared < 0 && hasBody(request)) {
            byte[] body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
            if (body.length > maxBytes) {
                reject(request, response, "streamed body");
                return;
            }
            checked = new BufferedBodyRequest(request, body);
        }
        chain.doFilter(checked, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    /** Chunked (HTTP/1.1) is the only way to send a body without a Content-Length. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        log.info("refused {} {}: {} over the {}-byte limit", request.getMethod(), request.getRequestURI(), what,
                maxBytes);
        if (resolver.resolveException(request, response, null, new PayloadTooLargeException(maxBytes)) == null
                && !response.isCommitted()) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
    }

    /** The request with its (already read, within the limit) body served from memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
