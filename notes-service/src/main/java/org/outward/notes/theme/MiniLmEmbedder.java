package org.outward.notes.theme;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quantized all-MiniLM-L6-v2 sentence-embedding model (384 dimensions), run in-process by ONNX Runtime from the
 * model file inside its Maven artifact: nothing is downloaded, nothing leaves the process.
 *
 * <p>The model is loaded once per JVM ({@link #shared}): it costs about 23 MB of model and a native session, and
 * every caller (the theme listener, queries, tests) uses the same one. Before loading, the native libraries of ONNX
 * Runtime and of DJL's tokenizer are unpacked into a folder of our choosing ({@code outward.themes.native-dir}),
 * not into their defaults ({@code java.io.tmpdir} and {@code ~/.djl.ai}), so a container with a read-only root
 * file system, or a {@code noexec} temp folder, only needs that one writable folder.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private static final int DIMENSIONS = 384;
    private static MiniLmEmbedder shared;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;
    private final ExecutorService executor;

    private MiniLmEmbedder(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, daemonThreads());
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    /**
     * The JVM's one model, loaded on first use. The native folder and thread count of the first call win: a second
     * model would only double the memory.
     */
    public static synchronized MiniLmEmbedder shared(Path nativeDir, int threads) {
        if (shared == null) {
            long start = System.nanoTime();
            NativeLibraries.prepare(nativeDir);
            shared = new MiniLmEmbedder(Math.max(1, threads));
            log.info("sentence embedding model loaded in {} ms natives={}", (System.nanoTime() - start) / 1_000_000,
                    nativeDir.toAbsolutePath());
        }
        return shared;
    }

    /** How many times a model was loaded in this JVM (0 or 1): tests check the model is shared. */
    static synchronized int loads() {
        return shared == null ? 0 : 1;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(Vectors.normalized(embedding.vector()));
        }
        return vectors;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sentence-embedding-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Puts the native libraries where we say, before ONNX Runtime or DJL look for them. */
    static final class NativeLibraries {

        private NativeLibraries() {
        }

        static void prepare(Path dir) {
            try {
                Path onnx = Files.createDirectories(dir.resolve("onnxruntime"));
                String platform = onnxPlatform();
                for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
                    String file = System.mapLibraryName(library).replace(".jnilib", ".dylib");
                    unpack("/ai/onnxruntime/native/" + platform + "/" + file, onnx.resolve(file));
                }
                // ONNX Runtime loads from here instead of copying its libraries into java.io.tmpdir.
                System.setProperty("onnxruntime.native.path", onnx.toString());
                // DJL unpacks its tokenizer library under DJL_CACHE_DIR / ENGINE_CACHE_DIR (else ~/.djl.ai), and
                // must neither download nor report usage: everything it needs is in its jar.
                Path djl = Files.createDirectories(dir.resolve("djl"));
                setIfAbsent("DJL_CACHE_DIR", djl.toString());
                setIfAbsent("ENGINE_CACHE_DIR", djl.toString());
                setIfAbsent("ai.djl.offline", "true");
                setIfAbsent("OPT_OUT_TRACKING", "true");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare native libraries in " + dir.toAbsolutePath(), e);
            }
        }

        /**
         * The platform folder ONNX Runtime's jar uses: linux-x64, linux-aarch64, osx-x64, osx-aarch64, win-x64 (the
         * service's jar leaves osx-x64 out: DJL's tokenizer has no library for it, see notes-service/pom.xml).
         */
        static String onnxPlatform() {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
            String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64")
                    || arch.equals("arm64") ? "aarch64" : arch;
            return o + "-" + a;
        }

        /** Copies a resource to a file unless an identical-size copy is there (atomic: never a half file). */
        private static void unpack(String resource, Path target) throws IOException {
            try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no native library " + resource + " for this platform in ONNX Runtime's jar");
                }
                byte[] bytes = in.readAllBytes();
                if (Files.exists(target) && Files.size(target) == bytes.length) {
                    return;
                }
                Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
                Files.write(partial, bytes);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }

        private static void setIfAbsent(String property, String value) {
            if (System.getProperty(property) == null && System.getenv(property) == null) {
                System.setProperty(property, value);
            }
        }
    }
}
