package org.outward.notes.theme;

import java.nio.file.Path;

/** The one model of a test JVM: every test that embeds uses this, so the model loads once per JVM. */
public final class TestEmbedder {

    public static final Path NATIVE_DIR = Path.of("target", "natives").toAbsolutePath();

    private TestEmbedder() {
    }

    public static SentenceEmbedder get() {
        return MiniLmEmbedder.shared(NATIVE_DIR, 2);
    }
}
