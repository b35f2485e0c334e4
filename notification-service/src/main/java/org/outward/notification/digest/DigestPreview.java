package org.outward.notification.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.springframework.stereotype.Component;

/** A recipient's next digests as they stand now, without claiming anything (staff). */
@Component
public class DigestPreview {

    public record Preview(String recipientId, String frequency, Instant windowEnd, String subject, int itemCount,
            List<DigestContent.Group> groups) {
    }

    private final DigestSchedule schedule;
    private final DigestCandidates candidates;
    private final DigestClaims claims;
    private final DigestAssembly assembly;
    private final PreferenceStore preferences;

    DigestPreview(DigestSchedule schedule, DigestCandidates candidates, DigestClaims claims, DigestAssembly assembly,
            PreferenceStore preferences) {
        this.schedule = schedule;
        this.candidates = candidates;
        this.claims = claims;
        this.assembly = assembly;
        this.preferences = preferences;
    }

    public List<Preview> of(Recipient recipient, Instant now) {
        DigestSnapshot snapshot = candidates.snapshot(now);
        Optional<Library> library = snapshot.library(recipient);
        if (!RosterReadModel.reachable(recipient, library)) {
            return List.of(); // as the run: nothing goes to someone off the roster (the controller says why)
        }
        Preferences prefs = preferences.of(recipient);
        List<Preview> previews = new ArrayList<>();
        for (Frequency frequency : DigestJob.DIGESTS) {
            Set<NewsKind> kinds = DigestCandidates.kinds(prefs, frequency);
            if (kinds.isEmpty()) {
                continue;
            }
            DigestSchedule.State state = schedule.read(recipient, frequency);
            Instant end = DigestSchedule.nextEnd(state, frequency, prefs, now);
            // Everything known so far and not yet sent to this person (the window may cut some of it off).
            Map<String, FeedItem> found = candidates.find(snapshot, recipient, kinds,
                    schedule.from(recipient, state), now);
            Set<String> had = claims.claimedAmong(recipient.memberId(), found.keySet());
            List<FeedItem> items = found.values().stream().filter(i -> !had.contains(i.id())).toList();
            List<DigestContent.Group> groups = assembly.groups(snapshot, prefs, items);
            String subject = items.isEmpty() ? null : assembly.subject(recipient, library, frequency, groups);
            previews.add(new Preview(recipient.memberId(), frequency.key(), end, subject, items.size(), groups));
        }
        return previews;
    }
}
