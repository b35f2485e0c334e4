package org.outward.notification.digest;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.feed.Audience;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.notice.RenderedEmail;
import org.outward.notification.notice.WebProperties;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds and queues the daily and weekly digests that are due. Per recipient and frequency a schedule
 * document in {@value #SCHEDULES} ({@code _id = <memberId>|daily}) holds the end of the last window done
 * ({@code lastEnd}) and, while a window is being worked on, {@code pending: {key, end}}. The steps, each one
 * single-document write and each safe to repeat:
 * <ol>
 * <li>claim the window: compare-and-set {@code pending} on the schedule (only one run, one instance, wins);</li>
 * <li>claim the items for the email key (see {@link DigestClaims}: an item goes into one email per recipient);</li>
 * <li>queue the email with key = (window, recipient) in the email outbox (its {@code _id}: never twice);</li>
 * <li>complete: {@code lastEnd = end}, {@code pending} removed.</li>
 * </ol>
 * A run that dies anywhere is resumed by the next one from {@code pending} with the same key and the items
 * already claimed for it, so nothing is lost and nothing doubled. A scheduler that runs late makes one digest
 * up to the latest boundary passed; one that runs twice finds nothing due.
 */
@Component
public class DigestJob {

    public static final String SCHEDULES = "digest_schedules";
    static final List<Frequency> DIGESTS = List.of(Frequency.DAILY, Frequency.WEEKLY);

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final MongoTemplate mongo;
    private final RosterReadModel roster;
    private final PreferenceStore preferences;
    private final FeedStore feed;
    private final DigestClaims claims;
    private final DigestRenderer renderer;
    private final EmailOutbox outbox;
    private final UnsubscribeTokens tokens;
    private final WebProperties web;
    private final DigestProperties properties;

    public DigestJob(MongoTemplate mongo, RosterReadModel roster, PreferenceStore preferences, FeedStore feed,
            DigestClaims claims, DigestRenderer renderer, EmailOutbox outbox, UnsubscribeTokens tokens,
            WebProperties web, DigestProperties properties) {
        this.mongo = mongo;
        this.roster = roster;
        this.preferences = preferences;
        this.feed = feed;
        this.claims = claims;
        this.renderer = renderer;
        this.outbox = outbox;
        this.tokens = tokens;
        this.web = web;
        this.properties = properties;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(DigestClaims.COLLECTION).createIndex(new Index().on("e", Sort.Direction.ASC));
    }

    public enum Outcome { SENT, EMPTY, NOT_DUE, BUSY, ALREADY_QUEUED }

    /** What one run did, for logs and for the staff endpoint. */
    public record RunSummary(Instant at, int recipients, int queued, int empty, int notDue, int busy, int items) {
    }

    public record Preview(String recipientId, String frequency, Instant windowEnd, String subject, int itemCount,
            List<DigestContent.Group> groups) {
    }

    public RunSummary runDue(Instant now) {
        return runDue(now, key -> { });
    }

    /**
     * @param afterClaim gets the email key between claiming a window's items and queueing its email (tests
     *                   inject a crash here)
     */
    public RunSummary runDue(Instant now, java.util.function.Consumer<String> afterClaim) {
        Snapshot snapshot = new Snapshot(now);
        int recipients = 0;
        int[] counts = new int[Outcome.values().length];
        int items = 0;
        for (Recipient recipient : roster.activeRecipients()) {
            Optional<Library> library = snapshot.library(recipient);
            if (!RosterReadModel.reachable(recipient, library)) {
                continue;
            }
            recipients++;
            Preferences prefs = PreferenceStore.of(recipient, library,
                    Optional.ofNullable(snapshot.storedPreferences.get(recipient.memberId())));
            for (Frequency frequency : DIGESTS) {
                Set<NewsKind> kinds = kinds(prefs, frequency);
                if (kinds.isEmpty()) {
                    continue;
                }
                Result result = runWindow(snapshot, recipient, library, prefs, frequency, kinds, afterClaim);
                counts[result.outcome().ordinal()]++;
                items += result.items();
            }
        }
        RunSummary summary = new RunSummary(now, recipients, counts[Outcome.SENT.ordinal()],
                counts[Outcome.EMPTY.ordinal()], counts[Outcome.NOT_DUE.ordinal()], counts[Outcome.BUSY.ordinal()],
                items);
        log.info("digest run at={} recipients={} queued={} empty={} notDue={} busy={} items={}", now, recipients,
                summary.queued(), summary.empty(), summary.notDue(), summary.busy(), items);
        return summary;
    }

    private record Result(Outcome outcome, int items) {
    }

    private Result runWindow(Snapshot snapshot, Recipient recipient, Optional<Library> library, Preferences prefs,
            Frequency frequency, Set<NewsKind> kinds, java.util.function.Consumer<String> afterClaim) {
        String scheduleId = recipient.memberId() + "|" + frequency.key();
        Document schedule = mongo.findById(scheduleId, Document.class, SCHEDULES);
        Instant lastEnd = schedule == null ? null : instant(schedule.getDate("lastEnd"));
        Document pending = schedule == null ? null : schedule.get("pending", Document.class);
        String key;
        Instant end;
        boolean resumed = pending != null;
        if (resumed) {
            key = pending.getString("key");
            end = instant(pending.getDate("end"));
            log.info("digest resuming key={}", key);
        } else {
            end = Windows.lastBoundary(frequency, prefs, snapshot.now);
            if (lastEnd != null && !end.isAfter(lastEnd)) {
                return new Result(Outcome.NOT_DUE, 0);
            }
            key = key(frequency, recipient.memberId(), end);
            if (!claimWindow(scheduleId, lastEnd, key, end)) {
                return new Result(Outcome.BUSY, 0);
            }
        }
        if (outbox.exists(key)) {
            complete(scheduleId, key, end, -1);
            return new Result(Outcome.ALREADY_QUEUED, 0);
        }
        Instant from = from(recipient, lastEnd);
        Map<String, FeedItem> candidates = candidates(snapshot, recipient, kinds, from, end);
        Set<String> mine = claims.claim(recipient.memberId(), candidates.keySet(), key);
        if (resumed) {
            mine.addAll(claims.claimedBy(recipient.memberId(), key));
        }
        afterClaim.accept(key);
        List<FeedItem> items = resolve(snapshot, recipient, mine, candidates);
        if (items.isEmpty()) {
            complete(scheduleId, key, end, 0);
            return new Result(Outcome.EMPTY, 0);
        }
        String what = frequency.key() + " digest";
        List<DigestContent.Group> groups = DigestContent.groups(items, snapshot.libraries, snapshot.sharedThemes(),
                web.baseUrl(), prefs.zone(), properties.maxItemsPerGroup());
        UnsubscribeTokens.Links unsubscribe = tokens.links(recipient.memberId(), frequency.key());
        RenderedEmail email = renderer.render(recipient, library, what, groups, unsubscribe.page(),
                "you chose a " + what + " of Outward news");
        outbox.enqueue(new OutgoingEmail(key, "digest-" + frequency.key(), recipient.memberId(), recipient.email(),
                recipient.name(), email.subject(), email.text(), email.html(), null, null,
                tokens.listUnsubscribeHeader(unsubscribe.oneClick())));
        complete(scheduleId, key, end, items.size());
        log.info("digest queued key={} recipient={} items={}", key, recipient.memberId(), items.size());
        return new Result(Outcome.SENT, items.size());
    }

    /** The next digest of a recipient as it stands now, without claiming anything. */
    public List<Preview> preview(Recipient recipient, Instant now) {
        Snapshot snapshot = new Snapshot(now);
        Optional<Library> library = snapshot.library(recipient);
        if (!RosterReadModel.reachable(recipient, library)) {
            return List.of(); // as the run: nothing goes to someone off the roster (the controller says why)
        }
        Preferences prefs = preferences.of(recipient);
        List<Preview> previews = new ArrayList<>();
        for (Frequency frequency : DIGESTS) {
            Set<NewsKind> kinds = kinds(prefs, frequency);
            if (kinds.isEmpty()) {
                continue;
            }
            Document schedule = mongo.findById(recipient.memberId() + "|" + frequency.key(), Document.class,
                    SCHEDULES);
            Instant lastEnd = schedule == null ? null : instant(schedule.getDate("lastEnd"));
            Instant due = Windows.lastBoundary(frequency, prefs, now);
            Instant end = lastEnd == null || due.isAfter(lastEnd) ? due : Windows.nextBoundary(frequency, prefs, now);
            // Everything known so far and not yet sent to this person (the window may cut some of it off).
            Map<String, FeedItem> candidates = candidates(snapshot, recipient, kinds, from(recipient, lastEnd), now);
            Set<String> had = claims.claimedAmong(recipient.memberId(), candidates.keySet());
            List<FeedItem> items = candidates.values().stream().filter(i -> !had.contains(i.id())).toList();
            List<DigestContent.Group> groups = DigestContent.groups(items, snapshot.libraries,
                    snapshot.sharedThemes(), web.baseUrl(), prefs.zone(), properties.maxItemsPerGroup());
            String subject = items.isEmpty() ? null : renderer.render(recipient, library, frequency.key() + " digest",
                    groups, "", "").subject();
            previews.add(new Preview(recipient.memberId(), frequency.key(), end, subject, items.size(), groups));
        }
        return previews;
    }

    static String key(Frequency frequency, String memberId, Instant end) {
        return "digest-" + frequency.key() + ":" + memberId + ":" + end;
    }

    private static Set<NewsKind> kinds(Preferences prefs, Frequency frequency) {
        Set<NewsKind> kinds = EnumSet.noneOf(NewsKind.class);
        prefs.kinds().forEach((kind, f) -> {
            if (f == frequency) {
                kinds.add(kind);
            }
        });
        return kinds;
    }

    private Instant from(Recipient recipient, Instant lastEnd) {
        Instant since = recipient.since() == null ? Instant.EPOCH : recipient.since();
        if (lastEnd == null) {
            return since;
        }
        Instant lookback = lastEnd.minus(properties.lookback());
        return lookback.isAfter(since) ? lookback : since;
    }

    private boolean claimWindow(String scheduleId, Instant lastEnd, String key, Instant end) {
        Criteria criteria = Criteria.where("_id").is(scheduleId).and("pending").exists(false);
        criteria = lastEnd == null ? criteria.and("lastEnd").exists(false) : criteria.and("lastEnd").is(Date.from(lastEnd));
        Update update = new Update().set("pending", new Document("key", key).append("end", Date.from(end)));
        try {
            Document doc = mongo.findAndModify(Query.query(criteria), update,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, SCHEDULES);
            Document pending = doc == null ? null : doc.get("pending", Document.class);
            return pending != null && key.equals(pending.getString("key"));
        } catch (DuplicateKeyException e) {
            return false; // another run moved this schedule on meanwhile
        }
    }

    private void complete(String scheduleId, String key, Instant end, int items) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(scheduleId).and("pending.key").is(key)),
                new Update().set("lastEnd", Date.from(end)).set("lastKey", key).set("lastItems", items)
                        .unset("pending"), SCHEDULES);
    }

    private Map<String, FeedItem> candidates(Snapshot snapshot, Recipient recipient, Set<NewsKind> kinds,
            Instant from, Instant end) {
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
        return candidates;
    }

    /** The claimed items as they are now; withdrawn ones (note made private, webinar archived) are dropped. */
    private List<FeedItem> resolve(Snapshot snapshot, Recipient recipient, Set<String> ids,
            Map<String, FeedItem> candidates) {
        List<FeedItem> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            FeedItem item = candidates.get(id);
            if (item != null) {
                items.add(item);
            } else if (id.startsWith(REMINDER)) {
                snapshot.reminders(recipient.libraryId(), Instant.EPOCH, snapshot.now).stream()
                        .filter(r -> r.id().equals(id))
                        .findFirst().ifPresent(items::add);
            } else {
                missing.add(id);
            }
        }
        items.addAll(feed.itemsById(missing));
        // Read again: an item may have been withdrawn since the snapshot was taken.
        Set<String> withdrawn = new java.util.HashSet<>();
        feed.itemsById(items.stream().map(FeedItem::id).filter(id -> !id.startsWith(REMINDER)).toList()).stream()
                .filter(FeedItem::withdrawn).forEach(i -> withdrawn.add(i.id()));
        return items.stream().filter(i -> !withdrawn.contains(i.id()) && Audience.canSee(recipient, i)).toList();
    }

    static final String REMINDER = "reminder:";

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * What a run reads once rather than per recipient: libraries, stored preferences, recent items grouped by
     * cohort, webinars and each library's watched webinars.
     */
    private final class Snapshot {
        final Instant now;
        final Map<String, Library> libraries;
        final Map<String, Document> storedPreferences;
        private Instant loadedFrom;
        private Map<String, List<FeedItem>> byCohort;
        private List<FeedItem> all;
        private Map<String, List<String>> themes;
        private List<Document> webinars;
        private final Map<String, Set<String>> watched = new HashMap<>();

        Snapshot(Instant now) {
            this.now = now;
            this.libraries = roster.libraries();
            this.storedPreferences = preferences.allStored();
        }

        Optional<Library> library(Recipient recipient) {
            return Optional.ofNullable(recipient.libraryId() == null ? null : libraries.get(recipient.libraryId()));
        }

        Map<String, List<String>> sharedThemes() {
            if (themes == null) {
                themes = feed.librarySharedThemes();
            }
            return themes;
        }

        /** Items stored since {@code from} (or earlier) that this recipient's cohort could concern. */
        List<FeedItem> items(Recipient recipient, Instant from) {
            if (all == null || from.isBefore(loadedFrom)) {
                Instant load = from.isBefore(now.minus(properties.lookback().plusDays(8)))
                        ? from : now.minus(properties.lookback().plusDays(8));
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
        List<FeedItem> reminders(String libraryId, Instant receivedFrom, Instant publishedBefore) {
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
                Instant published = instant(webinar.getDate("publishedAt"));
                reminders.add(new FeedItem(REMINDER + webinar.getString("_id"), NewsKind.PROGRESS_REMINDERS, null,
                        libraryId, webinar.getString("title"), published, received.toInstant(), false,
                        new Document("webinarId", webinar.getString("_id")).append("slug", webinar.getString("slug"))));
            }
            return reminders;
        }
    }
}
