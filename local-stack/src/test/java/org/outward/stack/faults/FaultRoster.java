package org.outward.stack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import tools.jackson.databind.JsonNode;

/**
 * The people of the fault suite: one cohort of {@value #LIBRARIES} libraries with {@value #MEMBERS_PER_LIBRARY}
 * members each (220 recipients of every webinar notice), created through the gateway as staff would, and a token of
 * one member per library for the uploads.
 */
final class FaultRoster {

    static final int LIBRARIES = 20;
    static final int MEMBERS_PER_LIBRARY = 11;

    record Member(String email, String libraryId) {
    }

    final String cohortId;
    final List<String> libraryIds = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    private final Map<String, String> uploaderEmail = new HashMap<>();
    private final Map<String, String> tokens = new HashMap<>();

    private FaultRoster(String cohortId) {
        this.cohortId = cohortId;
    }

    static FaultRoster create(Http staff, String run) {
        JsonNode cohort = expect(staff.post("/api/catalog/cohorts", Map.of("name", "Fault cohort " + run,
                "slug", "fault-cohort-" + run, "startsOn", "2026-01-12", "endsOn", "2027-07-09")), 201);
        FaultRoster roster = new FaultRoster(cohort.get("id").asString());
        for (int l = 0; l < LIBRARIES; l++) {
            JsonNode library = expect(staff.post("/api/catalog/cohorts/" + roster.cohortId + "/libraries", Map.of(
                    "name", String.format("Fault library %02d %s", l, run), "city", "Faultville", "state", "OR",
                    "contactEmail", "director" + l + "@fault-" + run + ".example",
                    "timeZone", "America/Chicago")), 201);
            String libraryId = library.get("id").asString();
            roster.libraryIds.add(libraryId);
            for (int m = 0; m < MEMBERS_PER_LIBRARY; m++) {
                String email = String.format("member%02d.%02d@fault-%s.example", l, m, run);
                expect(staff.post("/api/catalog/libraries/" + libraryId + "/members", Map.of("name",
                        "Member " + l + "-" + m, "email", email, "teamRole", m == 0 ? "Team lead" : "Member")), 201);
                roster.members.add(new Member(email, libraryId));
                if (m == 0) {
                    roster.uploaderEmail.put(libraryId, email);
                }
            }
        }
        return roster;
    }

    /** Waits until notification-service knows everyone (notices go to known recipients only). */
    void awaitRecipients(Http staff, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response response = staff.get("/api/notifications/recipients");
            if (response.status() == 200) {
                long known = DemoData.items(response.body()).stream()
                        .filter(r -> r.get("email").asString().contains("@fault-")).count();
                if (known >= members.size()) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("notification-service did not learn the fault roster in " + timeout);
    }

    /** A member's token for uploads to their library (fetched once, refreshed by {@link #refreshTokens}). */
    String uploaderToken(String libraryId) {
        return tokens.get(libraryId);
    }

    void refreshTokens(String identityUrl, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String libraryId : libraryIds) {
            while (true) {
                try {
                    tokens.put(libraryId, Http.devToken(identityUrl, uploaderEmail.get(libraryId),
                            DemoData.DEV_PASSWORD));
                    break;
                } catch (RuntimeException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(500); // the identity provider learns members from the roster events
                }
            }
        }
    }

    private static JsonNode expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": "
                    + response.raw());
        }
        return response.body();
    }
}
