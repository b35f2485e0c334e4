package org.outward.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The web client's serving: files, history fallback for page addresses, caching and precompressed bodies. */
class SiteRoutesTest {

    private static final String INDEX = "<!doctype html><title>Outward</title><script type=module src=/assets/app-1a2b.js></script>";

    private final SiteFiles files = SiteFiles.of(Map.of(
            "/index.html", INDEX.getBytes(StandardCharsets.UTF_8),
            "/assets/app-1a2b.js", "console.log('app')".getBytes(StandardCharsets.UTF_8),
            "/assets/app-1a2b.js.gz", gzip("console.log('app')"),
            "/assets/app-1a2b.js.br", new byte[] {1, 2, 3},
            "/favicon.svg", "<svg/>".getBytes(StandardCharsets.UTF_8)));

    private final WebTestClient client = WebTestClient.bindToRouterFunction(new SiteRoutes().webClient(files)).build();

    @Test
    void rootIsTheAppWithItsOwnContentSecurityPolicyAndRevalidated() {
        client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", SiteRoutes.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody(String.class).isEqualTo(INDEX);
    }

    @Test
    void everyLinkOfTheEmailsLoadsTheApp() {
        for (String path : new String[] {"/webinars/hosting-community-conversations", "/notes/6650a1b2c3",
            "/settings/notifications", "/cohorts/c-1/themes", "/libraries/l-9", "/unsubscribe?token=a.b"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo(INDEX);
        }
    }

    @Test
    void apiSignInAndProbePathsAreNeverTheApp() {
        for (String path : new String[] {"/api/catalog/webinars", "/api", "/bff/user", "/login/oauth2/code/outward",
            "/oauth2/authorization/outward", "/actuator/health", "/logout", "/internal/fallback"}) {
            client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void aMissingScriptIsA404NotTheApp() {
        client.get().uri("/assets/gone-0000.js").accept(MediaType.ALL).exchange().expectStatus().isNotFound();
        client.get().uri("/nothing-here.js").accept(MediaType.ALL).exchange().expectStatus().isNotFound();
    }

    @Test
    void hashedAssetsAreCachedForAYearAndSentPrecompressed() {
        client.get().uri("/assets/app-1a2b.js").header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate, br").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "br")
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .expectBody(byte[].class).isEqualTo(new byte[] {1, 2, 3});
        client.get().uri("/assets/app-1a2b.js").header(HttpHeaders.ACCEPT_ENCODING, "gzip, br;q=0").exchange()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectBody(byte[].class).isEqualTo(gzip("console.log('app')"));
        client.get().uri("/assets/app-1a2b.js").exchange()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectHeader().contentType("text/javascript;charset=UTF-8")
                .expectBody(String.class).isEqualTo("console.log('app')");
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String etag = client.get().uri("/favicon.svg").exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"");
        client.get().uri("/favicon.svg").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void anUnchangedPageKeepsItsOwnContentSecurityPolicy() {
        String etag = client.get().uri("/notes/1").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getETag();
        // The browser merges a 304's headers into its cached copy: the page's policy must come with it.
        client.get().uri("/notes/1").accept(MediaType.TEXT_HTML).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("Content-Security-Policy", SiteRoutes.CONTENT_SECURITY_POLICY);
    }

    @Test
    void unsafeMethodsAreNotTheApp() {
        client.post().uri("/notes/1").exchange().expectStatus().isNotFound();
    }

    @Test
    void theBuiltClientIsOnTheClasspath() {
        // The web module's jar is a dependency: its index.html and at least one hashed script come with it.
        SiteFiles real = SiteFiles.fromClasspath(getClass().getClassLoader());
        assertThat(real.find("/index.html")).isPresent();
        String index = new String(real.find("/index.html").orElseThrow().bytes(), StandardCharsets.UTF_8);
        String script = index.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"(/assets/[^\"]+\\.js)\".*", "$1");
        assertThat(real.find(script)).isPresent();
        assertThat(real.find(script).orElseThrow().gzip()).isNotNull();
    }

    private static byte[] gzip(String text) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
