package org.outward.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own preferences. The caller is found among the recipients by the {@code email} claim of the
 * token, case-insensitively (the roster's MemberAdded carries the address, not the identity provider's subject),
 * so nobody can address anyone else's preferences here.
 */
@RestController
@Tag(name = "Preferences")
class PreferenceController {

    private static final Logger log = LoggerFactory.getLogger(PreferenceController.class);

    private final RosterReadModel roster;
    private final PreferenceStore store;

    PreferenceController(RosterReadModel roster, PreferenceStore store) {
        this.roster = roster;
        this.store = store;
    }

    @GetMapping("/api/notifications/preferences/me")
    @Operation(summary = "The caller's email preferences (defaults until changed)")
    PreferencesBody get(Caller caller) {
        Recipient me = me(caller);
        return PreferencesBody.of(store.of(me), me.email());
    }

    @PutMapping("/api/notifications/preferences/me")
    @Operation(summary = "Replace the caller's email preferences; omitted kinds keep their current frequency")
    PreferencesBody put(Caller caller, @RequestBody PreferencesBody body) {
        Recipient me = me(caller);
        Preferences current = store.of(me);
        Preferences updated = validate(body, current);
        store.save(me, updated);
        log.info("preferences changed member={}", me.memberId());
        return PreferencesBody.of(updated, me.email());
    }

    private Recipient me(Caller caller) {
        return roster.byEmail(caller.email())
                .orElseThrow(() -> new NotFoundException("recipient", caller.email() == null ? "(no email)" : "me"));
    }

    static Preferences validate(PreferencesBody body, Preferences current) {
        String zone = body.timeZone() == null ? current.timeZone() : body.timeZone().trim();
        if (!PreferenceStore.validZone(zone)) {
            throw new BadRequestException("timeZone", "must be an IANA time zone id, e.g. America/Chicago");
        }
        int hour = body.hour() == null ? current.hour() : body.hour();
        if (hour < 0 || hour > 23) {
            throw new BadRequestException("hour", "must be between 0 and 23");
        }
        DayOfWeek day = current.weeklyDay();
        if (body.weeklyDay() != null) {
            try {
                day = DayOfWeek.valueOf(body.weeklyDay().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("weeklyDay", "must be a day of the week, e.g. MONDAY");
            }
        }
        Map<NewsKind, Frequency> kinds = new EnumMap<>(current.kinds());
        if (body.kinds() != null) {
            for (Map.Entry<String, String> entry : body.kinds().entrySet()) {
                NewsKind kind = NewsKind.fromKey(entry.getKey()).orElseThrow(() -> new BadRequestException(
                        "kinds." + entry.getKey(), "unknown kind of news; known: new-webinar, cohort-notes, themes, "
                        + "calibrations, progress-reminders"));
                Frequency frequency = Frequency.fromKey(entry.getValue()).orElseThrow(() -> new BadRequestException(
                        "kinds." + entry.getKey(), "must be immediate, daily, weekly or off"));
                kinds.put(kind, frequency);
            }
        }
        return new Preferences(current.memberId(), ZoneIdNormalizer.normalize(zone), hour, day, kinds, true);
    }

    private static final class ZoneIdNormalizer {
        static String normalize(String zone) {
            return java.time.ZoneId.of(zone).getId();
        }
    }
}
