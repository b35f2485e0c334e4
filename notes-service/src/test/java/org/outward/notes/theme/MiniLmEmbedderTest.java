package org.outward.notes.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The real model, loaded once per test JVM ({@link TestEmbedder}), offline, from its jar. */
class MiniLmEmbedderTest {

    private final SentenceEmbedder embedder = TestEmbedder.get();

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        List<float[]> v = embedder.embed(List.of("Rents went up by a third.",
                "Housing costs push out longtime residents.", "The knitting circle wants a bigger table."));

        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(Vectors.dot(v.get(0), v.get(0))).isCloseTo(1.0f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Vectors.dot(v.get(0), v.get(1))).isGreaterThan(Vectors.dot(v.get(0), v.get(2)) + 0.1f);
    }

    @Test
    void theSameSentenceGivesTheSameVectorAndTheModelIsLoadedOnce() {
        float[] a = embedder.embed(List.of("The last bus leaves at six.")).get(0);
        float[] b = embedder.embed(List.of("The last bus leaves at six.", "Something else.")).get(0);

        assertThat(b).containsExactly(a);
        assertThat(TestEmbedder.get()).isSameAs(embedder);
        assertThat(MiniLmEmbedder.loads()).isEqualTo(1);
    }

    @Test
    void nativeLibrariesAreUnpackedIntoTheConfiguredFolderNotTheirDefaults() {
        embedder.embed(List.of("warm"));

        assertThat(TestEmbedder.NATIVE_DIR.resolve("onnxruntime")).isDirectoryContaining("glob:**onnxruntime*");
        assertThat(System.getProperty("onnxruntime.native.path"))
                .isEqualTo(TestEmbedder.NATIVE_DIR.resolve("onnxruntime").toString());
        assertThat(TestEmbedder.NATIVE_DIR.resolve("djl")).isDirectoryRecursivelyContaining("glob:**tokenizers*");
    }
}
