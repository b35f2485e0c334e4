package org.outward.notes.attachment;

import java.text.Normalizer;

/**
 * File names as sent by browsers are untrusted: they may carry a path ({@code ../../etc/passwd},
 * {@code C:\Users\x\a.pdf}), control characters that forge log lines or headers, or bidirectional
 * overrides that disguise an extension ({@code invoice\u202Efdp.exe}). A name is reduced to its last
 * path segment, stripped of those characters and of characters reserved on common file systems,
 * and capped in length (keeping the extension). The name is only ever a label: files are stored
 * and addressed by id.
 */
public final class SafeFileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "attachment";

    private SafeFileNames() {
    }

    public static String sanitize(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || isFormatOrBidi(cp)) {
                return; // dropped entirely
            }
            out.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
        });
        String cleaned = out.toString().strip();
        // Leading dots make hidden files or "..", trailing dots and spaces are dropped by Windows.
        cleaned = cleaned.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (cleaned.isEmpty()) {
            return FALLBACK;
        }
        return truncate(cleaned);
    }

    /** Unicode format characters (Cf): bidi overrides, zero-width joiners, BOMs. */
    private static boolean isFormatOrBidi(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    private static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }
}
