package org.outward.notification.calendar;

import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;

/** Whether a person gets live-session email: reachable on the roster and "session reminders" not switched off. */
final class SessionAudience {

    private SessionAudience() {
    }

    static boolean wants(Recipient recipient, Optional<Library> library, Map<String, Document> stored) {
        return RosterReadModel.reachable(recipient, library)
                && PreferenceStore.of(recipient, library, Optional.ofNullable(stored.get(recipient.memberId())))
                        .frequency(NewsKind.SESSION_REMINDERS) != Frequency.OFF;
    }
}
