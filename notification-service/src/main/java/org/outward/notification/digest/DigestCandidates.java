package org.outward.notification.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.outward.notification.feed.Audience;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.springframework.stereotype.Component;

/**
 * Which items may go into a recipient's digest window: the news of the window (and a lookback before it) that the
 * person may see and chose this frequency for, the webinars to remind their library of, and the items a failed
 * digest gave back. Then, once claimed, the items as they are now (withdrawn ones dropped).
 */
@Component
class DigestCandidates {

    private final RosterReadModel roster;
    private final PreferenceStore preferences;
    private final FeedStore feed;
    private final DigestReturns returns;
    private final DigestProperties properties;

    DigestCandidates(RosterReadModel roster, PreferenceStore preferences, FeedStore feed, DigestReturns returns,
            DigestProperties properties) {
        this.roster = roster;
        this.preferences = preferences;
        this.feed = feed;
        this.returns = returns;
        this.properties = properties;
    }

    DigestSnapshot snapshot(Instant now) {
        return new DigestSnapshot(now, roster.libraries(), preferences.allStored(), returns.all(), feed,
                properties.lookback().plusDays(8));
    }

    /** The news kinds a recipient gets at this frequency. */
    static Set<NewsKind> kinds(Preferences prefs, Frequency frequency) {
        Set<NewsKind> kinds = EnumSet.noneOf(NewsKind.class);
        prefs.kinds().forEach((kind, f) -> {
            if (f == frequency) {
                kinds.add(kind);
            }
        });
        return kinds;
    }

    /** Candidates of the window [from, end), by item id; the returned ones of these kinds whenever they came. */
    Map<String, FeedItem> find(DigestSnapshot snapshot, Recipient recipient, Set<NewsKind> kinds, Instant from,
            Instant end) {
        Map<String, FeedItem> candidates = new LinkedHashMap<>();
        for (FeedItem item : snapshot.items(recipient, from)) {
            if (kinds.contains(item.kind()) && !item.receivedAt().isBefore(from) && item.receivedAt().isBefore(end)
                    && Audience.canSee(recipient, item)) {
                candidates.put(item.id(), item);
            }
        }
        if (kinds.contains(NewsKind.PROGRESS_REMINDERS) && recipient.isLibraryMember()
                && recipient.libraryId() != null) {
            // A webinar is reminded of in the window in which it becomes remindAfter old (claims keep it to once).
            for (FeedItem reminder : snapshot.reminders(recipient.libraryId(), from.minus(properties.remindAfter()),
                    end.minus(properties.remindAfter()))) {
                candidates.put(reminder.id(), reminder);
            }
        }
        Set<String> returned = snapshot.returned.getOrDefault(recipient.memberId(), Set.of());
        if (!returned.isEmpty()) {
            for (FeedItem item : feed.itemsById(returned.stream().filter(i -> !i.startsWith(DigestSnapshot.REMINDER))
                    .toList())) {
                if (kinds.contains(item.kind()) && Audience.canSee(recipient, item)) {
                    candidates.putIfAbsent(item.id(), item);
                }
            }
            if (kinds.contains(NewsKind.PROGRESS_REMINDERS) && recipient.libraryId() != null) {
                for (FeedItem reminder : snapshot.reminders(recipient.libraryId(), Instant.EPOCH, snapshot.now)) {
                    if (returned.contains(reminder.id())) {
                        candidates.putIfAbsent(reminder.id(), reminder);
                    }
                }
            }
        }
        return candidates;
    }

    /** The given back items among these candidates: once offered to a window they are no longer returns. */
    static Set<String> returnedAmong(DigestSnapshot snapshot, Recipient recipient, Set<String> candidates) {
        Set<String> offered = new HashSet<>(snapshot.returned.getOrDefault(recipient.memberId(), Set.of()));
        offered.retainAll(candidates);
        return offered;
    }

    /**
     * The claimed items: from the candidates, or read (items claimed by an earlier attempt at a resumed window). Some
     * may have been withdrawn since the snapshot: {@link #visible} drops them.
     */
    List<FeedItem> claimed(DigestSnapshot snapshot, Recipient recipient, Set<String> ids,
            Map<String, FeedItem> candidates) {
        List<FeedItem> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            FeedItem item = candidates.get(id);
            if (item != null) {
                items.add(item);
            } else if (id.startsWith(DigestSnapshot.REMINDER)) {
                snapshot.reminders(recipient.libraryId(), Instant.EPOCH, snapshot.now).stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst().ifPresent(items::add);
            } else {
                missing.add(id);
            }
        }
        items.addAll(feed.itemsById(missing));
        return items;
    }

    /** Ids of stored items among these (reminders are made up from webinars, not stored as items). */
    static List<String> storedIds(List<FeedItem> items) {
        return items.stream().map(FeedItem::id).filter(id -> !id.startsWith(DigestSnapshot.REMINDER)).toList();
    }

    /**
     * The items as they are now: withdrawn ones (note made private, webinar archived; {@code withdrawn} read again
     * after claiming, as the snapshot may be older) and any the person may not see are dropped.
     */
    static List<FeedItem> visible(Recipient recipient, List<FeedItem> items, Set<String> withdrawn) {
        return items.stream().filter(i -> !withdrawn.contains(i.id()) && Audience.canSee(recipient, i)).toList();
    }
}
