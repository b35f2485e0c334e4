package org.outward.notes.theme;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param limit       how many top themes a scope has
 * @param maxEvidence supporting sentences kept per theme (one per note)
 * @param sections    the conversation sections whose sentences feed themes (wire names of {@link Section}); the
 *                    default was chosen on the evaluation set (bench/notes-themes.md)
 * @param clustering  how sentences are grouped into themes
 * @param model       where and how the sentence-embedding model runs
 * @param memory      what is kept in memory between computations
 */
@ConfigurationProperties("outward.themes")
public record ThemeSettings(Integer limit, Integer maxEvidence, List<String> sections, Clustering clustering,
        Model model, Memory memory) {

    public static final List<String> DEFAULT_SECTIONS = List.of("concerns", "actions", "other");

    public ThemeSettings {
        limit = limit == null ? 10 : limit;
        maxEvidence = maxEvidence == null ? 20 : maxEvidence;
        sections = sections == null || sections.isEmpty() ? DEFAULT_SECTIONS : List.copyOf(sections);
        clustering = clustering == null ? new Clustering(null, null, null, null, null, null, null, null) : clustering;
        model = model == null ? new Model(null, null) : model;
        memory = memory == null ? new Memory(null, null) : memory;
    }

    public static ThemeSettings defaults() {
        return new ThemeSettings(null, null, null, null, null, null);
    }

    public ThemeSettings withSections(List<String> chosen) {
        return new ThemeSettings(limit, maxEvidence, chosen, clustering, model, memory);
    }

    public ThemeSettings withClustering(Clustering chosen) {
        return new ThemeSettings(limit, maxEvidence, sections, chosen, model, memory);
    }

    /**
     * Settled on the tuning part of the evaluation set (bench/notes-themes.md).
     *
     * @param linkage         average linkage stops when no two clusters have a mean cross similarity this high
     * @param pairSimilarity  cohesion guard of a theme of two sentences: their similarity must reach this
     * @param cohesion        cohesion guard of larger themes: mean similarity of their pairs
     * @param problemAction   a problem cluster and an action cluster over the same notes merge from this centroid
     *                        similarity
     * @param themeMerge      a theme whose notes are mostly another's is merged into it from this centre similarity
     * @param member          a sentence less similar than this to its theme's centre leaves the theme
     * @param microLimit      beyond this many sentences, near-duplicates are grouped first (two-stage)
     * @param microSimilarity similarity of a near-duplicate to its group's first sentence
     */
    public record Clustering(Double linkage, Double pairSimilarity, Double cohesion, Double problemAction,
            Double themeMerge, Double member, Integer microLimit, Double microSimilarity) {

        public Clustering {
            linkage = linkage == null ? 0.25 : linkage;
            pairSimilarity = pairSimilarity == null ? 0.55 : pairSimilarity;
            cohesion = cohesion == null ? 0.35 : cohesion;
            problemAction = problemAction == null ? 0.35 : problemAction;
            themeMerge = themeMerge == null ? 0.50 : themeMerge;
            member = member == null ? 0.55 : member;
            microLimit = microLimit == null ? 10_000 : microLimit;
            microSimilarity = microSimilarity == null ? 0.8 : microSimilarity;
        }
    }

    /**
     * @param nativeDir a writable folder the native libraries of ONNX Runtime and DJL's tokenizer are unpacked into
     *                  (default: {@code outward-natives} in {@code java.io.tmpdir})
     * @param threads   threads that embed sentences in parallel
     */
    public record Model(String nativeDir, Integer threads) {

        public Model {
            nativeDir = nativeDir == null || nativeDir.isBlank()
                    ? System.getProperty("java.io.tmpdir") + "/outward-natives" : nativeDir;
            threads = threads == null ? 2 : threads;
        }
    }

    /**
     * @param vectorsMb      sentence vectors of notes kept in memory (with their units and terms), least recently
     *                       used out first: about 2.5 kB a sentence, 64 MB hold about 25,000 sentences
     * @param similaritiesMb similarity matrices of recent scopes kept so a recompute after one new note computes only
     *                       its rows: 4 bytes a pair of sentences, 72 MB for a cohort of 6,000 (0: none kept, every
     *                       recompute computes all pairs)
     */
    public record Memory(Integer vectorsMb, Integer similaritiesMb) {

        public Memory {
            vectorsMb = vectorsMb == null ? 64 : vectorsMb;
            similaritiesMb = similaritiesMb == null ? 96 : similaritiesMb;
        }
    }
}
