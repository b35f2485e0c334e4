package org.outward.notification.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.recipient.Library;
import org.springframework.web.util.UriUtils;

/**
 * What a digest says, before templates: items grouped by kind (fixed order), newest first inside a group,
 * each reduced to a headline, a detail line and a link back to the web client. Used for emails and for the
 * staff preview alike. Only titles of shared notes, library names, stages and labels of theme sets computed from
 * shared notes appear: never note text, never anything of a private note (docs/privacy.md).
 */
public final class DigestContent {

    public record Entry(String itemId, String headline, String detail, String url, String when, Instant occurredAt) {
    }

    public record Group(String kind, String title, List<Entry> items, int more, boolean hasMore) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DigestContent() {
    }

    public static List<Group> groups(List<FeedItem> items, Map<String, Library> libraries,
            Map<String, List<String>> sharedThemes, String baseUrl, ZoneId zone, int maxPerGroup) {
        Map<NewsKind, List<FeedItem>> byKind = new EnumMap<>(NewsKind.class);
        for (FeedItem item : items) {
            byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>()).add(item);
        }
        List<Group> groups = new ArrayList<>();
        byKind.forEach((kind, list) -> {
            List<FeedItem> sorted = list.stream().sorted(Comparator.comparing(FeedItem::occurredAt,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(FeedItem::id)).toList();
            List<Entry> entries = sorted.stream().limit(maxPerGroup)
                    .map(item -> entry(item, libraries, sharedThemes, baseUrl, zone)).toList();
            int more = sorted.size() - entries.size();
            groups.add(new Group(kind.key(), kind.label(), entries, more, more > 0));
        });
        return groups;
    }

    public static int count(List<Group> groups) {
        return groups.stream().mapToInt(g -> g.items().size() + g.more()).sum();
    }

    static Entry entry(FeedItem item, Map<String, Library> libraries, Map<String, List<String>> sharedThemes,
            String baseUrl, ZoneId zone) {
        String libraryName = item.libraryId() == null ? null
                : libraries.containsKey(item.libraryId()) && libraries.get(item.libraryId()).name() != null
                        ? libraries.get(item.libraryId()).name() : "A library in your cohort";
        String when = item.occurredAt() == null ? "" : DAY.format(item.occurredAt().atZone(zone));
        return switch (item.kind()) {
            case NEW_WEBINAR -> new Entry(item.id(), item.title(), shorten(item.text("summary")),
                    baseUrl + "/webinars/" + segment(item.text("slug"), item.text("webinarId")), when, item.occurredAt());
            case COHORT_NOTES -> {
                List<String> themes = sharedThemes.getOrDefault(item.libraryId(), List.of());
                String detail = "Shared by " + libraryName + (themes.isEmpty() ? ""
                        : " · Top themes: " + String.join(", ", themes.stream().limit(3).toList()));
                yield new Entry(item.id(), item.title(), detail, baseUrl + "/notes/" + segment(item.text("noteId"), ""),
                        when, item.occurredAt());
            }
            case THEMES -> new Entry(item.id(), "Cohort themes now: " + String.join(", ",
                    item.list("themes").stream().limit(5).toList()), "Top themes of the notes shared in your cohort",
                    baseUrl + "/cohorts/" + segment(item.cohortId(), "") + "/themes", when, item.occurredAt());
            case CALIBRATIONS -> new Entry(item.id(), libraryName + ": " + stage(item.text("stage")),
                    item.text("previousStage") == null ? "First calibration"
                            : "Previously " + stage(item.text("previousStage")),
                    baseUrl + "/libraries/" + segment(item.libraryId(), ""), when, item.occurredAt());
            case PROGRESS_REMINDERS -> new Entry(item.id(), item.title(),
                    "Your library has not marked this webinar watched yet.",
                    baseUrl + "/webinars/" + segment(item.text("slug"), item.text("webinarId")), when, item.occurredAt());
            // Session invitations and reminders are sent at their own time, never put in the feed of digests.
            case SESSION_REMINDERS -> new Entry(item.id(), item.title(), "", baseUrl, when, item.occurredAt());
        };
    }

    static String stage(String stage) {
        return stage == null ? "unknown stage" : stage.replace('-', ' ');
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    private static String segment(String value, String fallback) {
        String v = value == null || value.isBlank() ? fallback : value;
        return UriUtils.encodePathSegment(v == null ? "" : v, StandardCharsets.UTF_8);
    }
}
