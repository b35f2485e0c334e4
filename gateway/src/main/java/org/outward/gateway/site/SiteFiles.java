package org.outward.gateway.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * The web client's built files (the {@code web} module's jar, {@code META-INF/outward-web/}), read once at start
 * and kept in memory: about 2 MB with their precompressed {@code .br} and {@code .gz} twins, so serving one is a
 * map lookup and a write, no disk and no compression per request.
 */
public final class SiteFiles {

    static final String ROOT = "META-INF/outward-web/";

    /** One file: its bytes, the precompressed variants when the build made them, and a strong ETag. */
    public record SiteFile(String path, MediaType type, byte[] bytes, byte[] brotli, byte[] gzip, String etag) {
    }

    private final Map<String, SiteFile> files;

    private SiteFiles(Map<String, SiteFile> files) {
        this.files = Map.copyOf(files);
    }

    /** Every file under {@code classpath:META-INF/outward-web/}; none when the web jar is not on the classpath. */
    public static SiteFiles fromClasspath(ClassLoader loader) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        Map<String, byte[]> raw = new HashMap<>();
        try {
            for (Resource resource : resolver.getResources("classpath*:" + ROOT + "**")) {
                if (!resource.isReadable()) {
                    continue; // a folder
                }
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(ROOT);
                if (at < 0) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    raw.put("/" + url.substring(at + ROOT.length()), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web client's files", e);
        }
        return of(raw);
    }

    /** From path ("/index.html") to bytes; "x.br" and "x.gz" become the variants of "x". */
    static SiteFiles of(Map<String, byte[]> raw) {
        Map<String, SiteFile> files = new HashMap<>();
        raw.forEach((path, bytes) -> {
            if (path.endsWith(".br") || path.endsWith(".gz") || path.endsWith("/")) {
                return;
            }
            MediaType type = MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM);
            if (type.getType().equals("text") || type.getSubtype().equals("javascript")) {
                type = new MediaType(type, java.nio.charset.StandardCharsets.UTF_8);
            }
            files.put(path, new SiteFile(path, type, bytes, raw.get(path + ".br"), raw.get(path + ".gz"),
                    "\"" + sha256(bytes).substring(0, 32) + "\""));
        });
        return new SiteFiles(files);
    }

    public Optional<SiteFile> find(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public int size() {
        return files.size();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
