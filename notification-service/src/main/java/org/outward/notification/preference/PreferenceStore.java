package org.outward.notification.preference;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Preferences in {@value #COLLECTION}, one document per recipient ({@code _id} = member id), written only
 * when the person changes something; until then the defaults apply (time zone: their library's). Every change
 * is one {@code $set} on that document, so two changes of different kinds never undo each other.
 */
@Component
public class PreferenceStore {

    public static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;
    private final RosterReadModel roster;
    private final Clock clock;

    public PreferenceStore(MongoTemplate mongo, RosterReadModel roster, Clock clock) {
        this.mongo = mongo;
        this.roster = roster;
        this.clock = clock;
    }

    public Preferences of(Recipient recipient) {
        return of(recipient, roster.library(recipient.libraryId()),
                Optional.ofNullable(mongo.findById(recipient.memberId(), Document.class, COLLECTION)));
    }

    /** Everyone's stored preferences at once (digest runs); the missing ones are defaults. */
    public Map<String, Document> allStored() {
        return mongo.findAll(Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
    }

    public static Preferences of(Recipient recipient, Optional<Library> library, Optional<Document> stored) {
        String libraryZone = library.map(Library::timeZone).filter(PreferenceStore::validZone).orElse(null);
        Preferences defaults = Preferences.defaults(recipient.memberId(), libraryZone);
        if (stored.isEmpty()) {
            return defaults;
        }
        Document doc = stored.get();
        Map<NewsKind, Frequency> kinds = new EnumMap<>(NewsKind.class);
        Document storedKinds = doc.get("kinds", Document.class);
        if (storedKinds != null) {
            for (NewsKind kind : NewsKind.values()) {
                Frequency.fromKey(storedKinds.getString(kind.key())).ifPresent(f -> kinds.put(kind, f));
            }
        }
        String zone = doc.getString("timeZone");
        Integer hour = doc.getInteger("hour");
        String day = doc.getString("weeklyDay");
        return new Preferences(recipient.memberId(), zone != null && validZone(zone) ? zone : defaults.timeZone(),
                hour == null ? defaults.hour() : hour, day == null ? defaults.weeklyDay() : DayOfWeek.valueOf(day),
                kinds, true);
    }

    /**
     * Stores what the person chose. A time zone equal to their library's is not stored: they keep following their
     * library's, so a library that changes its time zone moves their digest and reminder times with it.
     */
    public void save(Recipient recipient, Preferences preferences) {
        Document kinds = new Document();
        preferences.kinds().forEach((kind, frequency) -> kinds.append(kind.key(), frequency.key()));
        String libraryZone = roster.library(recipient.libraryId()).map(Library::timeZone)
                .filter(PreferenceStore::validZone).orElse(Preferences.DEFAULT_TIME_ZONE);
        Update update = new Update()
                .set("hour", preferences.hour())
                .set("weeklyDay", preferences.weeklyDay().name())
                .set("kinds", kinds)
                .set("updatedAt", Date.from(clock.instant()));
        if (preferences.timeZone().equals(libraryZone)) {
            update.unset("timeZone");
        } else {
            update.set("timeZone", preferences.timeZone());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(preferences.memberId())), update, COLLECTION);
    }

    /** Sets the given kinds to {@code frequency}, leaving the others as they are (stored or default). */
    public Preferences setKinds(Recipient recipient, List<NewsKind> kinds, Frequency frequency) {
        Update update = new Update().set("updatedAt", Date.from(clock.instant()));
        kinds.forEach(kind -> update.set("kinds." + kind.key(), frequency.key()));
        mongo.upsert(Query.query(Criteria.where("_id").is(recipient.memberId())), update, COLLECTION);
        return of(recipient);
    }

    public static boolean validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
