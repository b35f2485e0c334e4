package org.outward.notification.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;

/**
 * What a run reads once rather than per recipient: libraries, stored preferences, items given back by failed
 * digests, recent items grouped by cohort, webinars and each library's watched webinars. Shared by the run's batch
 * threads: what it loads on first use is loaded under its lock.
 */
final class DigestSnapshot {

    static final String REMINDER = "reminder:";

    final Instant now;
    final Map<String, Library> libraries;
    final Map<String, Document> storedPreferences;
    final Map<String, Set<String>> returned;
    private final FeedStore feed;
    private final java.time.Duration loadBack;
    private Instant loadedFrom;
    private Map<String, List<FeedItem>> byCohort;
    private List<FeedItem> all;
    private Map<String, List<String>> themes;
    private List<Document> webinars;
    private final Map<String, Set<String>> watched = new HashMap<>();

    DigestSnapshot(Instant now, Map<String, Library> libraries, Map<String, Document> storedPreferences,
            Map<String, Set<String>> returned, FeedStore feed, java.time.Duration loadBack) {
        this.now = now;
        this.libraries = libraries;
        this.storedPreferences = storedPreferences;
        this.returned = returned;
        this.feed = feed;
        this.loadBack = loadBack;
    }

    Optional<Library> library(Recipient recipient) {
        return Optional.ofNullable(recipient.libraryId() == null ? null : libraries.get(recipient.libraryId()));
    }

    synchronized Map<String, List<String>> sharedThemes() {
        if (themes == null) {
            themes = feed.librarySharedThemes();
        }
        return themes;
    }

    /** Items stored since {@code from} (or earlier) that this recipient's cohort could concern. */
    synchronized List<FeedItem> items(Recipient recipient, Instant from) {
        if (all == null || from.isBefore(loadedFrom)) {
            Instant usual = now.minus(loadBack);
            Instant load = from.isBefore(usual) ? from : usual;
            all = feed.items(load, now.plusSeconds(1), EnumSet.allOf(NewsKind.class));
            loadedFrom = load;
            byCohort = new HashMap<>();
            for (FeedItem item : all) {
                byCohort.computeIfAbsent(item.cohortId() == null ? "" : item.cohortId(), c -> new ArrayList<>())
                        .add(item);
            }
        }
        if (recipient.isStaff() || recipient.cohortId() == null) {
            return all;
        }
        List<FeedItem> mine = new ArrayList<>(byCohort.getOrDefault("", List.of()));
        mine.addAll(byCohort.getOrDefault(recipient.cohortId(), List.of()));
        return mine;
    }

    /** Live webinars received in [receivedFrom, publishedBefore) that the library has not watched. */
    synchronized List<FeedItem> reminders(String libraryId, Instant receivedFrom, Instant publishedBefore) {
        if (webinars == null) {
            webinars = feed.liveWebinars();
        }
        Set<String> seen = watched.computeIfAbsent(libraryId, feed::watchedBy);
        List<FeedItem> reminders = new ArrayList<>();
        for (Document webinar : webinars) {
            Date received = webinar.getDate("receivedAt");
            if (seen.contains(webinar.getString("_id")) || received == null
                    || !received.toInstant().isBefore(publishedBefore) || received.toInstant().isBefore(receivedFrom)) {
                continue;
            }
            Date published = webinar.getDate("publishedAt");
            reminders.add(new FeedItem(REMINDER + webinar.getString("_id"), NewsKind.PROGRESS_REMINDERS, null,
                    libraryId, webinar.getString("title"), published == null ? null : published.toInstant(),
                    received.toInstant(), false,
                    new Document("webinarId", webinar.getString("_id")).append("slug", webinar.getString("slug"))));
        }
        return reminders;
    }
}
