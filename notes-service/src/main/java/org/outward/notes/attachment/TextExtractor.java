package org.outward.notes.attachment;

import java.io.InputStream;
import org.apache.tika.exception.WriteLimitReachedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Plain text of PDF, DOCX, ODT, text and Markdown attachments, with Tika's parsers, for themes and
 * search. Text beyond {@code outward.notes.extraction.max-chars} is cut (a 500-page PDF still
 * yields its first pages' text rather than tying up memory). Embedded documents are not followed.
 */
@Component
public class TextExtractor {

    private final Parser parser = new AutoDetectParser();
    private final int maxChars;
    private final MeterRegistry registry;

    public TextExtractor(@Value("${outward.notes.extraction.max-chars:1000000}") int maxChars,
            MeterRegistry registry) {
        this.maxChars = maxChars;
        this.registry = registry;
    }

    /**
     * @throws ExtractionFailedException when the parser fails (corrupt or encrypted file, ...); the
     *                                   caller keeps the upload and retries later
     */
    public String extract(InputStream content, String contentType) {
        WriteOutContentHandler out = new WriteOutContentHandler(maxChars);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, contentType);
        try (TikaInputStream in = TikaInputStream.get(content)) {
            parser.parse(in, new BodyContentHandler(out), metadata, new ParseContext());
        } catch (Exception e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw failed(contentType, e);
            }
        } catch (LinkageError e) { // a parser missing a class must not fail the upload
            throw failed(contentType, e);
        }
        return normalize(out.toString());
    }

    /** Counted by content type (the few accepted ones): {@code outward_extraction_failures_total{content_type}}. */
    private ExtractionFailedException failed(String contentType, Throwable cause) {
        Counter.builder("outward.extraction.failures")
                .description("Attachments whose text could not be extracted (kept, retried later)")
                .tag("content_type", String.valueOf(contentType))
                .register(registry).increment();
        return new ExtractionFailedException(cause);
    }

    /** Collapses the blank lines and trailing spaces that parsers leave between blocks. */
    static String normalize(String text) {
        return text.replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    public static class ExtractionFailedException extends RuntimeException {
        public ExtractionFailedException(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
