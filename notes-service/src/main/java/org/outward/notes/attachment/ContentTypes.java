package org.outward.notes.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * Detects a file's type from its bytes with Tika (magic numbers, and for DOCX/ODT the entries of
 * the zip container), never from its name or the client's Content-Type: a program renamed to
 * {@code notes.txt} is still a program. The one use of the name: plain text named {@code .md} is
 * labelled Markdown, since Markdown has no signature and the label changes nothing about safety.
 */
@Component
public class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String TEXT = "text/plain";
    public static final String MARKDOWN = "text/markdown";

    /** Accepted types; the value says whether text is extracted from it (images are stored only). */
    private static final Map<String, Boolean> ALLOWED = Map.of(
            TEXT, true, MARKDOWN, true, PDF, true, DOCX, true, ODT, true,
            "image/png", false, "image/jpeg", false, "image/gif", false, "image/webp", false);

    private static final Set<String> MARKDOWN_EXTENSIONS = Set.of(".md", ".markdown");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /** The detected base type (no parameters), e.g. {@code application/pdf}. */
    public String detect(InputStream content, String safeName) throws IOException {
        // Metadata stays empty on purpose: with a resource name Tika would trust the extension.
        try (TikaInputStream in = TikaInputStream.get(content)) {
            MediaType type = detector.detect(in, new Metadata()).getBaseType();
            String detected = type.toString();
            if (TEXT.equals(detected) && isMarkdownName(safeName)) {
                return MARKDOWN;
            }
            return detected;
        }
    }

    public static boolean isAllowed(String contentType) {
        return ALLOWED.containsKey(contentType);
    }

    public static boolean hasText(String contentType) {
        return ALLOWED.getOrDefault(contentType, false);
    }

    public static Set<String> allowed() {
        return ALLOWED.keySet();
    }

    private static boolean isMarkdownName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return MARKDOWN_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }
}
