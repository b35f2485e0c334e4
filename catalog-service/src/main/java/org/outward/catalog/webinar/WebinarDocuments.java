package org.outward.catalog.webinar;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.intValue;
import static org.outward.catalog.support.Documents.longValue;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;
import org.outward.catalog.support.Slugs;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.ResourceData;
import org.outward.contracts.catalog.WebinarArchived;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.catalog.WebinarUpdated;
import org.outward.platform.search.SearchAnalyzer;

/** How a webinar is stored in the {@value #COLLECTION} collection, and how it maps to views and events. */
final class WebinarDocuments {

    static final String COLLECTION = "webinars";

    static final String ID = "_id";
    static final String SLUG = "slug";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String TOPICS = "topics";
    static final String SERIES_POSITION = "seriesPosition";
    static final String DURATION_MINUTES = "durationMinutes";
    static final String RECORDINGS = "recordings";
    static final String RESOURCES = "resources";
    static final String SAMPLE_FIELDS = "sampleFields";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String PUBLISHED_AT = "publishedAt";
    static final String ARCHIVED_AT = "archivedAt";
    /**
     * The distinct stems of title, summary, topics and resource titles ({@link SearchAnalyzer}, the analyser of
     * every service's search): a search matches the webinars holding all its terms ({@code $all}, which works on
     * every server, unlike {@code $text}).
     */
    static final String SEARCH_TERMS = "searchTerms";
    /** Which analysis made {@link #SEARCH_TERMS}; documents analysed otherwise are analysed again at start. */
    static final String ANALYSIS = "searchAnalysis";
    static final String CURRENT_ANALYSIS = "lucene-english-porter-1";

    private WebinarDocuments() {
    }

    static Document newDraft(String id, CreateWebinarRequest request, Instant now) {
        Document document = new Document(ID, id);
        content(request, List.of()).forEach(document::append);
        return document
                .append(STATUS, WebinarStatus.DRAFT.wireName())
                .append(VERSION, 1L)
                .append(CREATED_AT, date(now))
                .append(UPDATED_AT, date(now))
                .append(PUBLISHED_AT, null)
                .append(ARCHIVED_AT, null);
    }

    /**
     * The content fields of a create or edit, as stored (for an insert or a $set).
     *
     * @param previous the resources as they were, so an edit keeps their keys
     */
    static Document content(CreateWebinarRequest request, List<WebinarView.Resource> previous) {
        String title = request.title().strip();
        String summary = request.summary().strip();
        List<String> topics = request.topics().stream().distinct().toList();
        List<Document> resources = resources(request.resources(), previous);
        return new Document(SLUG, request.slug())
                .append(TITLE, title)
                .append(SUMMARY, summary)
                .append(TOPICS, topics)
                .append(SERIES_POSITION, request.seriesPosition())
                .append(DURATION_MINUTES, request.durationMinutes())
                .append(RECORDINGS, request.recordings().stream()
                        .map(link -> new Document("label", link.label().strip()).append("url", link.url()))
                        .toList())
                .append(RESOURCES, resources)
                .append(SAMPLE_FIELDS, request.sampleFields().stream().distinct().toList())
                .append(SEARCH_TERMS, searchTerms(title, bodyTexts(summary, topics, resources)))
                .append(ANALYSIS, CURRENT_ANALYSIS);
    }

    /** The searchable texts besides the title: summary, topics and resource titles. */
    static List<String> bodyTexts(Document webinar) {
        return bodyTexts(webinar.getString(SUMMARY), webinar.getList(TOPICS, String.class, List.of()),
                webinar.getList(RESOURCES, Document.class, List.of()));
    }

    private static List<String> bodyTexts(String summary, List<String> topics, List<Document> resources) {
        List<String> texts = new ArrayList<>();
        texts.add(summary == null ? "" : summary);
        // Topics are slugs ("public-knowledge"): the tokenizer splits them at the hyphen.
        texts.addAll(topics);
        resources.forEach(resource -> texts.add(resource.getString("title")));
        return texts;
    }

    static List<String> searchTerms(String title, List<String> bodyTexts) {
        Set<String> terms = new java.util.LinkedHashSet<>(SearchAnalyzer.terms(title));
        bodyTexts.forEach(text -> terms.addAll(SearchAnalyzer.terms(text)));
        return List.copyOf(terms);
    }

    /** The search terms of a stored webinar, from its stored fields. */
    static List<String> searchTerms(Document webinar) {
        return searchTerms(webinar.getString(TITLE), bodyTexts(webinar));
    }

    /** Gives each resource its key: as sent, else the previous key for the same url or title, else from the title. */
    private static List<Document> resources(List<CreateWebinarRequest.Resource> requested,
            List<WebinarView.Resource> previous) {
        Set<String> used = new HashSet<>();
        requested.forEach(resource -> {
            if (resource.key() != null) {
                used.add(resource.key());
            }
        });
        List<Document> result = new ArrayList<>();
        for (CreateWebinarRequest.Resource resource : requested) {
            String title = resource.title().strip();
            String key = resource.key();
            if (key == null) {
                key = previous.stream()
                        .filter(old -> old.url().equals(resource.url()) || old.title().equals(title))
                        .map(WebinarView.Resource::key)
                        .filter(candidate -> !used.contains(candidate))
                        .findFirst().orElse(null);
            }
            if (key == null) {
                key = uniqueKey(keyFromTitle(title), used);
            }
            used.add(key);
            result.add(new Document("key", key)
                    .append("title", title)
                    .append("kind", resource.kind().wireName())
                    .append("url", resource.url()));
        }
        return result;
    }

    static String keyFromTitle(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (folded.isEmpty()) {
            folded = "resource";
        }
        return folded.length() > Slugs.MAX_LENGTH - 4 ? folded.substring(0, Slugs.MAX_LENGTH - 4)
                .replaceAll("-+$", "") : folded;
    }

    private static String uniqueKey(String base, Set<String> used) {
        String key = base;
        for (int n = 2; used.contains(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    static WebinarView toView(Document document) {
        return new WebinarView(
                document.getString(ID),
                document.getString(SLUG),
                document.getString(TITLE),
                document.getString(SUMMARY),
                document.getList(TOPICS, String.class, List.of()),
                intValue(document, SERIES_POSITION),
                intValue(document, DURATION_MINUTES),
                document.getList(RECORDINGS, Document.class, List.of()).stream()
                        .map(link -> new WebinarView.Link(link.getString("label"), link.getString("url")))
                        .toList(),
                document.getList(RESOURCES, Document.class, List.of()).stream()
                        .map(resource -> new WebinarView.Resource(resource.getString("key"),
                                resource.getString("title"), ResourceKind.fromWireName(resource.getString("kind")),
                                resource.getString("url")))
                        .toList(),
                document.getList(SAMPLE_FIELDS, String.class, List.of()),
                WebinarStatus.fromWireName(document.getString(STATUS)),
                longValue(document, VERSION),
                instant(document, CREATED_AT),
                instant(document, UPDATED_AT),
                instant(document, PUBLISHED_AT),
                instant(document, ARCHIVED_AT));
    }

    /** The event for a webinar that is being published: its content plus the version and time it gets. */
    static WebinarPublished published(WebinarView draft, long newVersion, Instant publishedAt) {
        return new WebinarPublished(draft.id(), draft.slug(), draft.title(), draft.summary(), draft.topics(),
                draft.seriesPosition(), draft.durationMinutes(), links(draft), resources(draft), newVersion,
                publishedAt);
    }

    /** The event for a webinar as it is after a change. */
    static WebinarUpdated updated(WebinarView after) {
        return new WebinarUpdated(after.id(), after.slug(), after.title(), after.summary(), after.topics(),
                after.seriesPosition(), after.durationMinutes(), links(after), resources(after),
                after.status().wireName(), after.version(), after.updatedAt());
    }

    static WebinarArchived archived(WebinarView current, long newVersion, Instant archivedAt) {
        return new WebinarArchived(current.id(), current.slug(), current.title(), newVersion, archivedAt);
    }

    private static List<LinkData> links(WebinarView view) {
        return view.recordings().stream().map(link -> new LinkData(link.label(), link.url())).toList();
    }

    private static List<ResourceData> resources(WebinarView view) {
        return view.resources().stream()
                .map(resource -> new ResourceData(resource.key(), resource.title(), resource.kind().wireName(),
                        resource.url()))
                .toList();
    }
}
