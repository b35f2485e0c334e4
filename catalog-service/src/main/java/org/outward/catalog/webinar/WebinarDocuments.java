package org.outward.catalog.webinar;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.instant;
import static org.outward.catalog.support.Documents.intValue;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.ResourceData;
import org.outward.contracts.catalog.WebinarPublished;

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

    private WebinarDocuments() {
    }

    static Document newDraft(String id, CreateWebinarRequest request, Instant now) {
        return new Document(ID, id)
                .append(SLUG, request.slug())
                .append(TITLE, request.title().strip())
                .append(SUMMARY, request.summary().strip())
                .append(TOPICS, request.topics().stream().map(String::strip).toList())
                .append(SERIES_POSITION, request.seriesPosition())
                .append(DURATION_MINUTES, request.durationMinutes())
                .append(RECORDINGS, request.recordings().stream()
                        .map(link -> new Document("label", link.label().strip()).append("url", link.url()))
                        .toList())
                .append(RESOURCES, request.resources().stream()
                        .map(resource -> new Document("title", resource.title().strip())
                                .append("kind", resource.kind().wireName())
                                .append("url", resource.url()))
                        .toList())
                .append(SAMPLE_FIELDS, request.sampleFields().stream().distinct().toList())
                .append(STATUS, WebinarStatus.DRAFT.wireName())
                .append(VERSION, 1L)
                .append(CREATED_AT, date(now))
                .append(UPDATED_AT, date(now))
                .append(PUBLISHED_AT, null);
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
                        .map(resource -> new WebinarView.Resource(resource.getString("title"),
                                ResourceKind.fromWireName(resource.getString("kind")), resource.getString("url")))
                        .toList(),
                document.getList(SAMPLE_FIELDS, String.class, List.of()),
                WebinarStatus.fromWireName(document.getString(STATUS)),
                longValue(document, VERSION),
                instant(document, CREATED_AT),
                instant(document, UPDATED_AT),
                instant(document, PUBLISHED_AT));
    }

    /** The event for a webinar that is being published: its content plus the version and time it gets. */
    static WebinarPublished published(WebinarView draft, long newVersion, Instant publishedAt) {
        return new WebinarPublished(
                draft.id(),
                draft.slug(),
                draft.title(),
                draft.summary(),
                draft.topics(),
                draft.seriesPosition(),
                draft.durationMinutes(),
                draft.recordings().stream().map(link -> new LinkData(link.label(), link.url())).toList(),
                draft.resources().stream()
                        .map(resource -> new ResourceData(resource.title(), resource.kind().wireName(), resource.url()))
                        .toList(),
                newVersion,
                publishedAt);
    }
}
