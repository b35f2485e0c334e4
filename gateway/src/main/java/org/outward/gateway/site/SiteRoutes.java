package org.outward.gateway.site;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The web client at "/", on the same origin as /api: its files, and for any other page address (a deep link
 * such as /webinars/&lt;slug&gt; or /notes/&lt;id&gt; from an email) the app's index.html, which then shows that
 * page (history fallback). Paths of the API, the sign-in and the actuator are never the app's: they fall through
 * to their own handlers. Hashed files under /assets/ are cached for a year; index.html is revalidated each time
 * (no-cache with an ETag), so a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
public class SiteRoutes {

    private static final Logger log = LoggerFactory.getLogger(SiteRoutes.class);

    /** Never answered with the app: the API, sign-in (backend-for-frontend and OAuth 2), probes, fallbacks. */
    static final List<String> RESERVED = List.of("/api", "/bff", "/login", "/logout", "/oauth2", "/actuator",
            "/internal");

    /** The app's own policy: its scripts, styles and calls come from this origin only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic()
            .immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();

    @Bean
    SiteFiles siteFiles() {
        SiteFiles files = SiteFiles.fromClasspath(SiteRoutes.class.getClassLoader());
        if (files.find("/index.html").isEmpty()) {
            log.warn("web client not on the classpath (no META-INF/outward-web/index.html): '/' answers 404");
        } else {
            log.info("web client: {} files", files.size());
        }
        return files;
    }

    @Bean
    RouterFunction<ServerResponse> webClient(SiteFiles files) {
        RequestPredicate read = request -> request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        RequestPredicate app = read.and(request -> !reserved(request.path()));
        RequestPredicate file = request -> files.find(request.path()).isPresent();
        RequestPredicate page = request -> !request.path().startsWith("/assets/") && acceptsHtml(request)
                && files.find("/index.html").isPresent();
        return RouterFunctions.route(app.and(file), request -> serve(request, files.find(request.path()).orElseThrow()))
                .andRoute(app.and(page), request -> serve(request, files.find("/index.html").orElseThrow()));
    }

    static boolean reserved(String path) {
        for (String prefix : RESERVED) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** A browser navigating (Accept: text/html); a script or image asking for a missing file gets a 404 instead. */
    static boolean acceptsHtml(ServerRequest request) {
        List<MediaType> accept = request.headers().accept();
        return accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    static Mono<ServerResponse> serve(ServerRequest request, SiteFiles.SiteFile file) {
        boolean index = file.path().equals("/index.html");
        boolean hashed = file.path().startsWith("/assets/");
        boolean page = index || file.type().isCompatibleWith(MediaType.TEXT_HTML);
        ServerResponse.BodyBuilder response = ServerResponse.ok()
                .contentType(file.type())
                .eTag(file.etag())
                .cacheControl(hashed ? IMMUTABLE : REVALIDATE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("X-Content-Type-Options", "nosniff");
        if (page) {
            response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (request.headers().header(HttpHeaders.IF_NONE_MATCH).stream()
                .anyMatch(tag -> tag.equals(file.etag()) || tag.equals("W/" + file.etag()) || tag.equals("*"))) {
            // A 304's headers update the cached response's: without its own policy here the API's
            // "default-src 'none'" (written on every response that has none) would replace the page's.
            ServerResponse.BodyBuilder notModified = ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(file.etag())
                    .cacheControl(hashed ? IMMUTABLE : REVALIDATE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (page) {
                notModified.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            return notModified.build();
        }
        Optional<String> encoding = encoding(request, file);
        byte[] body = encoding.map(e -> e.equals("br") ? file.brotli() : file.gzip()).orElse(file.bytes());
        encoding.ifPresent(e -> response.header(HttpHeaders.CONTENT_ENCODING, e));
        response.contentLength(body.length);
        if (request.method() == HttpMethod.HEAD) {
            return response.build();
        }
        return response.body(BodyInserters.fromValue(body));
    }

    /** Brotli, else gzip, when the client takes it and the build made it (small files have none). */
    static Optional<String> encoding(ServerRequest request, SiteFiles.SiteFile file) {
        String accepted = String.join(",", request.headers().header(HttpHeaders.ACCEPT_ENCODING)).toLowerCase();
        if (file.brotli() != null && accepts(accepted, "br")) {
            return Optional.of("br");
        }
        if (file.gzip() != null && accepts(accepted, "gzip")) {
            return Optional.of("gzip");
        }
        return Optional.empty();
    }

    private static double quality(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean accepts(String header, String coding) {
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            if (pieces[0].trim().equals(coding)) {
                for (int i = 1; i < pieces.length; i++) {
                    String parameter = pieces[i].trim();
                    if (parameter.startsWith("q=") && quality(parameter.substring(2)) == 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
