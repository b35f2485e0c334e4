package org.outward.notes.attachment;

import java.io.InputStream;
import org.apache.tika.exception.WriteLimitReachedException;
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

    public TextExtractor(@Value("${outward.notes.extraction.max-chars:1000000}") int maxChars) {
        this.maxChars = maxChars;
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
                throw new ExtractionFailedException(e);
            }
        } catch (LinkageError e) { // a parser missing a class must not fail the upload
            throw new ExtractionFailedException(e);
        }
        return normalize(out.toString());
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
