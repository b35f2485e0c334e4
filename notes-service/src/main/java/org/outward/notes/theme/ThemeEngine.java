package org.outward.notes.theme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.outward.notes.vector.PackedVectors;
import org.outward.notes.vector.SimilarityCache;
import org.outward.notes.vector.SimilarityMatrix;

/**
 * Finds the prevalent themes of a set of notes by what their sentences mean, not by the words they share:
 * <ol>
 * <li>units: the sentences of each note's text and attachments ({@link ThemeUnits}), of the configured sections,
 * each with its vector from a sentence-embedding model, embedded once per note version ({@link ThemeVectors});</li>
 * <li>clusters: average-linkage agglomerative clustering on cosine similarity ({@link AverageLinkage}) over the
 * units sorted by note id and position, so any input order gives the same themes;</li>
 * <li>a theme needs sentences from at least two notes; a cohesion guard rejects loose groups (two sentences must be
 * clearly alike; a larger group must be alike on average);</li>
 * <li>a cluster stating problems and a cluster stating actions over mostly the same notes, on a related subject,
 * are one theme: the problem and what people propose about it;</li>
 * <li>labels by class-based TF-IDF ({@link ThemeLabels}); a theme that cannot be named by a term two of its notes
 * use, headed by a non-generic word, is dropped; two themes with one label are one theme;</li>
 * <li>evidence: the sentences nearest the theme's centre, one per note, different libraries first.</li>
 * </ol>
 * Themes are ranked by notes, then libraries, then cohesion.
 */
public final class ThemeEngine {

    private final ThemeSettings settings;
    private final ThemeVectors vectors;
    private final SimilarityCache similarities;
    private final Set<Section> sections;

    /** Without similarities kept between computations (tests, one-off computations). */
    public ThemeEngine(ThemeSettings settings, ThemeVectors vectors) {
        this(settings, vectors, new SimilarityCache(0));
    }

    /**
     * @param similarities the similarity matrix of each recent scope, so a scope recomputed after one new note
     *                     computes only that note's similarities
     */
    public ThemeEngine(ThemeSettings settings, ThemeVectors vectors, SimilarityCache similarities) {
        this.settings = settings;
        this.vectors = vectors;
        this.similarities = similarities;
        this.sections = settings.sections().stream().map(Section::ofWireName)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Section.class)));
    }

    public List<Theme> themes(List<NoteText> notes) {
        return themes(null, notes);
    }

    /**
     * The themes of a scope that is computed again and again (a cohort's, a library's): its similarity matrix is
     * kept and reused for the sentences it already had.
     *
     * @param scope what the notes are the notes of (null: nothing kept)
     */
    public List<Theme> themes(String scope, List<NoteText> notes) {
        return themesOf(scope, vectors.of(notes));
    }

    /** The themes of notes already embedded. */
    public List<Theme> themesOf(List<EmbeddedNote> notes) {
        return themesOf(null, notes);
    }

    public List<Theme> themesOf(String scope, List<EmbeddedNote> notes) {
        List<Item> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        notes.stream().sorted(Comparator.comparing((EmbeddedNote n) -> n.note().id())).forEach(n -> {
            String noteKey = n.note().id() + ':' + n.note().version() + ':' + n.note().fingerprint() + ':';
            for (int i = 0; i < n.units().size(); i++) {
                if (sections.contains(n.units().get(i).section())) {
                    items.add(new Item(n.note(), n.units().get(i), n.vectors().row(i),
                            new ThemeLabels.Sentence(n.note().id(), n.terms().get(i))));
                    keys.add(noteKey + n.units().get(i).index());
                }
            }
        });
        if (items.isEmpty()) {
            return List.of();
        }
        PackedVectors packed = PackedVectors.of(items.stream().map(Item::vector).toList(),
                items.get(0).vector().length);
        ThemeSettings.Clustering c = settings.clustering();
        // Past the two-stage limit clustering starts from near-duplicate groups, not from these similarities.
        SimilarityMatrix matrix = scope == null || items.size() > c.microLimit() ? null
                : similarities.matrix(scope, keys, packed);
        List<AverageLinkage.Node> roots = AverageLinkage.tree(packed, matrix, c.linkage(), c.microLimit(),
                c.microSimilarity());
        List<Group> groups = new ArrayList<>();
        for (AverageLinkage.Node root : roots) {
            for (int[] cluster : cohesiveParts(root)) {
                Group group = new Group(items, cluster);
                if (group.notes().size() >= 2) {
                    groups.add(group);
                }
            }
        }
        groups = mergeProblemsWithActions(items, groups);
        groups = mergeAlike(items, groups);
        groups = trimmed(items, groups);
        return named(items, groups);
    }

    /**
     * The largest cohesive clusters of a merge tree: the node itself if it passes the cohesion guard, else the
     * cohesive parts of the two clusters it merged. A cluster that grew loose keeps its tight cores.
     */
    private List<int[]> cohesiveParts(AverageLinkage.Node node) {
        if (node.members().length < 2) {
            return List.of();
        }
        if (cohesive(node.members().length, node.cohesion())) {
            return List.of(node.members());
        }
        if (node.left() == null) {
            return List.of(); // a starting group (near-duplicates) that is not cohesive: nothing to split
        }
        List<int[]> parts = new ArrayList<>(cohesiveParts(node.left()));
        parts.addAll(cohesiveParts(node.right()));
        return parts;
    }

    private boolean cohesive(int size, double cohesion) {
        return size == 2 ? cohesion >= settings.clustering().pairSimilarity()
                : cohesion >= settings.clustering().cohesion();
    }

    /**
     * Merges a problem cluster with an action cluster when they share at least half the notes of the smaller one
     * (and two notes at least) and their centres are related; best pair first, until no pair qualifies.
     */
    private List<Group> mergeProblemsWithActions(List<Item> items, List<Group> groups) {
        return mergePairs(items, groups, settings.clustering().problemAction(),
                (a, b) -> a.mostly(Section.ACTIONS) != b.mostly(Section.ACTIONS) && a.sharesNotesWith(b));
    }

    /**
     * Merges the best qualifying pair (centres at least {@code floor} alike), then again, until none qualifies. Pairs
     * are scored once and rescored only for a merged group; ties go to the lower positions, so the result does not
     * depend on anything but the groups.
     */
    private static List<Group> mergePairs(List<Item> items, List<Group> groups, double floor,
            java.util.function.BiPredicate<Group, Group> qualifies) {
        List<Group> slots = new ArrayList<>(groups);
        java.util.PriorityQueue<double[]> queue = new java.util.PriorityQueue<>((x, y) -> x[0] != y[0]
                ? Double.compare(y[0], x[0]) : x[1] != y[1] ? Double.compare(x[1], y[1]) : Double.compare(x[2], y[2]));
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                offer(queue, slots, i, j, floor, qualifies);
            }
        }
        while (!queue.isEmpty()) {
            double[] best = queue.poll();
            int i = (int) best[1];
            int j = (int) best[2];
            if (slots.get(i) == null || slots.get(j) == null || (long) best[3] != version(slots, i, j)) {
                continue; // one of them merged since: stale
            }
            slots.set(i, slots.get(i).with(items, slots.get(j)));
            slots.set(j, null);
            for (int k = 0; k < slots.size(); k++) {
                if (k != i && slots.get(k) != null) {
                    offer(queue, slots, Math.min(i, k), Math.max(i, k), floor, qualifies);
                }
            }
        }
        return slots.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static void offer(java.util.PriorityQueue<double[]> queue, List<Group> slots, int i, int j, double floor,
            java.util.function.BiPredicate<Group, Group> qualifies) {
        Group a = slots.get(i);
        Group b = slots.get(j);
        if (!qualifies.test(a, b)) {
            return;
        }
        double s = Vectors.dot(a.centre(), b.centre());
        if (s >= floor) {
            queue.add(new double[] {s, i, j, version(slots, i, j)});
        }
    }

    /** Identifies the pair's current groups: a merge replaces a group by a new one with more members. */
    private static long version(List<Group> slots, int i, int j) {
        return (long) slots.get(i).members().size() * 1_000_003L + slots.get(j).members().size();
    }

    /**
     * A theme whose notes are mostly (two thirds or more) notes of a larger theme, on a related subject (centres at
     * least {@code themeMerge} alike), is that theme said in other words: one theme. Best pair first.
     */
    private List<Group> mergeAlike(List<Item> items, List<Group> groups) {
        return mergePairs(items, groups, settings.clustering().themeMerge(), (a, b) -> a.nested(b));
    }

    /**
     * Sentences far from their theme's centre leave it (a loose member joined through a neighbour); a theme left
     * with fewer than two notes is no theme.
     */
    private List<Group> trimmed(List<Item> items, List<Group> groups) {
        double floor = settings.clustering().member();
        List<Group> out = new ArrayList<>();
        for (Group group : groups) {
            List<Integer> kept = group.members().stream()
                    .filter(i -> Vectors.dot(items.get(i).vector(), group.centre()) >= floor).toList();
            if (kept.size() == group.members().size()) {
                out.add(group);
            } else if (kept.size() >= 2) {
                Group smaller = new Group(items, kept);
                if (smaller.notes().size() >= 2) {
                    out.add(smaller);
                }
            }
        }
        return out;
    }

    private List<Theme> named(List<Item> items, List<Group> groups) {
        List<Group> current = new ArrayList<>(groups);
        for (int round = 0; round < 5; round++) {
            List<Optional<ThemeLabels.Label>> labels = labels(items, current);
            Map<String, Integer> byKey = new LinkedHashMap<>();
            List<Group> merged = new ArrayList<>();
            boolean changed = false;
            List<ThemeLabels.Label> kept = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                if (labels.get(i).isEmpty()) {
                    continue; // nothing two of its notes say names it: not a theme
                }
                ThemeLabels.Label label = labels.get(i).get();
                Integer same = byKey.get(label.key());
                if (same == null) {
                    byKey.put(label.key(), merged.size());
                    merged.add(current.get(i));
                    kept.add(label);
                } else {
                    merged.set(same, merged.get(same).with(items, current.get(i)));
                    changed = true;
                }
            }
            if (!changed) {
                return themes(items, merged, kept);
            }
            current = merged;
        }
        List<Optional<ThemeLabels.Label>> labels = labels(items, current);
        List<Group> named = new ArrayList<>();
        List<ThemeLabels.Label> kept = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            if (labels.get(i).isPresent()) {
                named.add(current.get(i));
                kept.add(labels.get(i).get());
            }
        }
        return themes(items, named, kept);
    }

    private static List<Optional<ThemeLabels.Label>> labels(List<Item> items, List<Group> groups) {
        Set<Integer> inThemes = new HashSet<>();
        List<List<ThemeLabels.Sentence>> classes = new ArrayList<>();
        for (Group group : groups) {
            classes.add(group.members().stream().map(i -> items.get(i).sentence()).toList());
            inThemes.addAll(group.members());
        }
        List<ThemeLabels.Sentence> background = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!inThemes.contains(i)) {
                background.add(items.get(i).sentence());
            }
        }
        return ThemeLabels.label(classes, background);
    }

    private List<Theme> themes(List<Item> items, List<Group> groups, List<ThemeLabels.Label> labels) {
        List<Ranked> ranked = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ranked.add(new Ranked(groups.get(g), labels.get(g)));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> r.group().notes().size()).reversed()
                .thenComparing(r -> r.group().libraries().size(), Comparator.reverseOrder())
                .thenComparing(r -> r.group().cohesion(), Comparator.reverseOrder())
                .thenComparing(r -> r.label().key()));
        List<Ranked> top = ranked.subList(0, Math.min(settings.limit(), ranked.size()));
        if (top.isEmpty()) {
            return List.of();
        }
        double most = top.get(0).group().notes().size();
        List<Theme> themes = new ArrayList<>();
        for (Ranked r : top) {
            Group group = r.group();
            Map<Section, Integer> bySection = new HashMap<>();
            group.members().forEach(i -> bySection.merge(items.get(i).unit().section(), 1, Integer::sum));
            List<String> sectionNames = bySection.entrySet().stream()
                    .sorted(Map.Entry.<Section, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> e.getKey().wireName()).toList();
            themes.add(new Theme(r.label().key(), r.label().text(), Math.round(group.notes().size() / most * 1000)
                    / 1000.0, group.notes().size(), group.libraries().size(), sectionNames,
                    List.copyOf(group.notes()), evidence(items, group), r.label().terms(), group.members().size()));
        }
        return themes;
    }

    /** The sentence nearest the centre from each note; one per library first (nearest first), then the rest. */
    private List<Evidence> evidence(List<Item> items, Group group) {
        Map<String, Integer> bestOfNote = new LinkedHashMap<>();
        Map<Integer, Double> similarity = new HashMap<>();
        for (int i : group.members()) {
            similarity.put(i, (double) Vectors.dot(items.get(i).vector(), group.centre()));
        }
        Comparator<Integer> nearest = Comparator.comparing((Integer i) -> similarity.get(i)).reversed()
                .thenComparing(i -> i);
        group.members().stream().sorted(nearest).forEach(i -> bestOfNote.putIfAbsent(items.get(i).note().id(), i));
        List<Integer> ordered = new ArrayList<>();
        Set<String> libraries = new HashSet<>();
        List<Integer> rest = new ArrayList<>();
        for (int i : bestOfNote.values()) {
            (libraries.add(items.get(i).note().libraryId()) ? ordered : rest).add(i);
        }
        ordered.addAll(rest);
        return ordered.stream().limit(settings.maxEvidence()).map(i -> {
            Item item = items.get(i);
            return new Evidence(item.note().id(), item.note().libraryId(), item.note().title(),
                    item.note().conversationDate(), item.unit().section().wireName(), item.unit().text());
        }).toList();
    }

    private record Item(NoteText note, ThemeUnits.Unit unit, float[] vector, ThemeLabels.Sentence sentence) {
    }

    private record Ranked(Group group, ThemeLabels.Label label) {
    }

    /** A cluster of items (positions in the sorted item list), with what ranking and merging need. */
    private record Group(List<Integer> members, Set<String> notes, Set<String> libraries, float[] centre,
            double cohesion, int actions) {

        Group(List<Item> items, int[] cluster) {
            this(items, Arrays.stream(cluster).boxed().toList());
        }

        Group(List<Item> items, List<Integer> members) {
            this(members, members.stream().map(i -> items.get(i).note().id())
                            .collect(Collectors.toCollection(TreeSet::new)),
                    members.stream().map(i -> items.get(i).note().libraryId()).collect(Collectors.toSet()),
                    centre(items, members), cohesion(items, members),
                    (int) members.stream().filter(i -> items.get(i).unit().section() == Section.ACTIONS).count());
        }

        Group with(List<Item> items, Group other) {
            List<Integer> all = new ArrayList<>(members);
            all.addAll(other.members);
            all.sort(Integer::compare);
            return new Group(items, all);
        }

        boolean mostly(Section section) {
            return section == Section.ACTIONS && actions * 2 > members.size();
        }

        /** Two thirds or more of the smaller one's notes are notes of the other. */
        boolean nested(Group other) {
            long common = notes.stream().filter(other.notes::contains).count();
            return common * 3 >= 2L * Math.min(notes.size(), other.notes.size());
        }

        /** At least two notes in common, and at least half the notes of the smaller. */
        boolean sharesNotesWith(Group other) {
            long common = notes.stream().filter(other.notes::contains).count();
            return common >= 2 && common * 2 >= Math.min(notes.size(), other.notes.size());
        }

        private static float[] centre(List<Item> items, List<Integer> members) {
            int dims = items.get(members.get(0)).vector().length;
            float[] sum = new float[dims];
            for (int i : members) {
                float[] v = items.get(i).vector();
                for (int d = 0; d < dims; d++) {
                    sum[d] += v[d];
                }
            }
            return Vectors.normalized(sum);
        }

        private static double cohesion(List<Item> items, List<Integer> members) {
            List<float[]> own = members.stream().map(i -> items.get(i).vector()).toList();
            int[] all = new int[own.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return AverageLinkage.cohesion(own, all);
        }
    }
}
