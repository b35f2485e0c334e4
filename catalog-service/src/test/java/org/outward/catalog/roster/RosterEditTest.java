package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.LibraryUpdated;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberUpdated;
import org.outward.contracts.catalog.MilestoneData;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Staff edit the roster: PUT with If-Match on cohorts, libraries and members, each change written with its
 * CohortUpdated / LibraryUpdated / MemberUpdated event (the whole state) and refused whole when it is bad.
 */
class RosterEditTest extends RosterTest {

    private static ObjectNode cohortChange(String name, String startsOn, String endsOn) {
        return object().put("name", name).put("startsOn", startsOn).put("endsOn", endsOn);
    }

    private static ObjectNode memberChange(String name, String email, String teamRole, String libraryId) {
        ObjectNode body = object().put("name", name).put("email", email).put("teamRole", teamRole);
        return libraryId == null ? body : body.put("libraryId", libraryId);
    }

    private JsonNode newMember(String libraryId, String email) {
        Response created = post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json();
    }

    private List<DecodedEvent<?>> eventsOf(String key, int count) {
        List<DecodedEvent<?>> events = awaitEvents(key, count);
        assertThat(recordsSeen(key)).as("events about %s", key).hasSize(count);
        return events;
    }

    @Test
    void aCohortsNameAndDatesChangeWithTheETagAndTheEventCarriesTheNewMilestones() {
        String id = newCohort().path("id").asString();
        Response read = get("/api/catalog/cohorts/" + id);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        ObjectNode change = cohortChange("Fall 2026 cohort", "2026-05-01", "2027-10-31");

        assertProblem(put("/api/catalog/cohorts/" + id, change), 428, "If-Match");
        assertProblem(put("/api/catalog/cohorts/" + id, change, "If-Match", "\"7\""), 412);
        assertThat(get("/api/catalog/cohorts/" + id).json().path("version").asLong()).as("nothing written")
                .isEqualTo(1);

        Response changed = put("/api/catalog/cohorts/" + id, change, "If-Match", read.header("ETag"));
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        JsonNode cohort = changed.json();
        assertThat(cohort.path("name").asString()).isEqualTo("Fall 2026 cohort");
        assertThat(cohort.path("startsOn").asString()).isEqualTo("2026-05-01");
        assertThat(cohort.path("endsOn").asString()).isEqualTo("2027-10-31");
        assertThat(cohort.path("slug").asString()).as("unchanged").isEqualTo(read.json().path("slug").asString());
        assertThat(get("/api/catalog/cohorts/" + id).json()).isEqualTo(cohort);

        List<DecodedEvent<?>> events = eventsOf(id, 2);
        assertThat(events.get(0).type()).isEqualTo(Events.COHORT_CREATED);
        assertThat(events.get(1).type()).isEqualTo(Events.COHORT_UPDATED);
        CohortUpdated updated = events.get(1).payloadAs(Events.COHORT_UPDATED);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.startsOn()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(updated.milestones()).extracting(MilestoneData::kind).startsWith("cohort-start")
                .endsWith("cohort-end");
        assertThat(updated.milestones().get(0).on()).isEqualTo(LocalDate.parse("2026-05-01"));
        assertThat(updated.milestones().get(updated.milestones().size() - 1).on())
                .isEqualTo(LocalDate.parse("2027-10-31"));

        JsonNode timeline = get("/api/catalog/cohorts/" + id + "/timeline").json();
        assertThat(timeline.path("startsOn").asString()).isEqualTo("2026-05-01");
        assertThat(timeline.path("cohortName").asString()).isEqualTo("Fall 2026 cohort");

        Response same = put("/api/catalog/cohorts/" + id, change, "If-Match", "\"2\"");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("version").asLong()).as("no change, no new version").isEqualTo(2);
        assertThat(recordsSeen(id)).as("and no event").hasSize(2);
    }

    @Test
    void badCohortChangesAreRefusedNamingTheFieldAndWriteNothing() {
        String id = newCohort().path("id").asString();
        assertProblem(put("/api/catalog/cohorts/" + id, cohortChange("X", "2026-09-01", "2026-08-01"),
                "If-Match", "\"1\""), 400, "endsOn");
        assertProblem(put("/api/catalog/cohorts/" + id, object().put("name", " ").put("startsOn", "2026-09-01"),
                "If-Match", "\"1\""), 400, "name", "endsOn");
        assertProblem(put("/api/catalog/cohorts/" + id, object().put("name", "X").put("startsOn", "someday")
                .put("endsOn", "2027-01-01"), "If-Match", "\"1\""), 400, "startsOn");
        assertProblem(put("/api/catalog/cohorts/" + UUID.randomUUID(), cohortChange("X", "2026-01-01", "2027-01-01"),
                "If-Match", "\"1\""), 404);
        assertThat(get("/api/catalog/cohorts/" + id).json().path("version").asLong()).isEqualTo(1);
        assertThat(eventsOf(id, 1).get(0).type()).isEqualTo(Events.COHORT_CREATED);
    }

    @Test
    void aLibrarysDetailsAndTimeZoneChangeWithLibraryUpdatedCarryingTheWholeState() {
        JsonNode cohort = newCohort();
        String cohortId = cohort.path("id").asString();
        String id = newLibrary(cohortId).path("id").asString();
        String name = unique("Renamed Library");
        ObjectNode change = object().put("name", name).put("city", "Peoria").put("state", "il")
                .put("contactEmail", "new-director@peoria.example.org").put("timeZone", "America/Denver");

        assertProblem(put("/api/catalog/libraries/" + id, change), 428, "If-Match");
        Response changed = put("/api/catalog/libraries/" + id, change, "If-Match", "\"1\"");

        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        JsonNode library = changed.json();
        assertThat(library.path("name").asString()).isEqualTo(name);
        assertThat(library.path("state").asString()).isEqualTo("IL");
        assertThat(library.path("timeZone").asString()).isEqualTo("America/Denver");
        assertThat(get("/api/catalog/libraries/" + id).json()).isEqualTo(library);
        assertThat(mongo.findById(id, Document.class, "libraries").getString("nameKey")).isEqualTo(name.toLowerCase());

        List<DecodedEvent<?>> events = eventsOf(id, 2);
        assertThat(events.get(1).type()).isEqualTo(Events.LIBRARY_UPDATED);
        assertThat(events.get(1).payloadAs(Events.LIBRARY_UPDATED)).isEqualTo(new LibraryUpdated(id, cohortId,
                cohort.path("name").asString(), name, "Peoria", "IL", "America/Denver",
                "new-director@peoria.example.org"));
    }

    @Test
    void badLibraryChangesAreRefusedWhole() {
        String cohortId = newCohort().path("id").asString();
        String taken = newLibrary(cohortId).path("name").asString();
        String id = newLibrary(cohortId).path("id").asString();

        assertProblem(put("/api/catalog/libraries/" + id, libraryBody(taken.toUpperCase()), "If-Match", "\"1\""),
                409, "name");
        ObjectNode unknownZone = libraryBody(unique("L"));
        unknownZone.put("timeZone", "Mars/Olympus_Mons");
        assertProblem(put("/api/catalog/libraries/" + id, unknownZone, "If-Match", "\"1\""), 400, "timeZone");
        ObjectNode badState = libraryBody(unique("L"));
        badState.put("state", "Illinois");
        assertProblem(put("/api/catalog/libraries/" + id, badState, "If-Match", "\"1\""), 400, "state");
        assertThat(get("/api/catalog/libraries/" + id).json().path("version").asLong()).isEqualTo(1);
        assertThat(eventsOf(id, 1).get(0).type()).as("only LibraryJoinedCohort").isEqualTo(Events.LIBRARY_JOINED_COHORT);

        assertThat(delete("/api/catalog/libraries/" + id).status()).isEqualTo(204);
        assertProblem(put("/api/catalog/libraries/" + id, libraryBody(unique("L")), "If-Match", "*"), 404);
    }

    @Test
    void aMemberMovesToAnotherLibraryOfTheCohortKeepingIdRegistrationsAndProgress() {
        clock.set(START); // the session below is ahead of it (other classes move the shared clock)
        String cohortId = newCohort().path("id").asString();
        String from = newLibrary(cohortId).path("id").asString();
        String to = newLibrary(cohortId).path("id").asString();
        String email = uniqueEmail();
        String id = newMember(from, email).path("id").asString();
        String token = bearer(TestTokens.builder().subject("user-" + UUID.randomUUID()).email(email)
                .roles(MemberAdded.ROLE_LIBRARY_MEMBER).library(from).cohort(cohortId).sign());
        String webinar = publishedWebinar();
        String session = post("/api/catalog/webinars/" + webinar + "/sessions", object().put("cohortId", cohortId)
                .put("start", "2026-06-02T10:00").put("durationMinutes", 60).put("timeZone", "America/Chicago")
                .put("joinUrl", "https://meet.example.org/move")).json().path("id").asString();
        assertThat(put("/api/catalog/sessions/" + session + "/registrations/me", null, "Authorization", token)
                .status()).isEqualTo(200);
        assertThat(put("/api/catalog/members/" + id + "/progress/" + webinar + "/recording", null,
                "Authorization", token).status()).isLessThan(300);
        assertThat(get("/api/catalog/libraries/" + from, "Authorization", token).status()).isEqualTo(200);

        Response moved = put("/api/catalog/members/" + id, memberChange("Ada Moved", email, "Director", to),
                "If-Match", "\"1\"");

        assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
        assertThat(moved.json().path("id").asString()).isEqualTo(id);
        assertThat(moved.json().path("libraryId").asString()).isEqualTo(to);
        assertThat(moved.json().path("teamRole").asString()).isEqualTo("Director");
        assertThat(strings(get("/api/catalog/libraries/" + to + "/members").json(), "id")).contains(id);
        assertThat(strings(get("/api/catalog/libraries/" + from + "/members").json(), "id")).doesNotContain(id);

        List<DecodedEvent<?>> events = eventsOf(id, 2);
        assertThat(events.get(1).payloadAs(Events.MEMBER_UPDATED)).isEqualTo(new MemberUpdated(id, email,
                "Ada Moved", MemberAdded.ROLE_LIBRARY_MEMBER, to, cohortId, "Director", from));

        // The same token now acts for the new library: the old one's data is another library's (404).
        assertThat(get("/api/catalog/libraries/" + from, "Authorization", token).status()).isEqualTo(404);
        assertThat(get("/api/catalog/libraries/" + to, "Authorization", token).status()).isEqualTo(200);
        // History stays with the person.
        assertThat(strings(get("/api/catalog/sessions/" + session + "/registrations").json(), "memberId"))
                .contains(id);
        JsonNode people = get("/api/catalog/cohorts/" + cohortId + "/progress/people").json();
        JsonNode row = null;
        for (JsonNode candidate : people.path("rows")) {
            if (candidate.path("memberId").asString().equals(id)) {
                row = candidate;
            }
        }
        assertThat(row).as("the person's row").isNotNull();
        assertThat(row.path("libraryId").asString()).isEqualTo(to);
        int column = strings(people.path("webinars"), "webinarId").indexOf(webinar);
        assertThat(row.path("cells").get(column).path("watchedRecording").asBoolean()).isTrue();
    }

    @Test
    void aNewAddressReplacesTheOldOneAndStaffChangeNameAndAddressOnly() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String oldEmail = uniqueEmail();
        String id = newMember(libraryId, oldEmail).path("id").asString();
        String newEmail = uniqueEmail();

        Response changed = put("/api/catalog/members/" + id, memberChange("Ada", newEmail, null, libraryId),
                "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.json().path("teamRole").isNull()).isTrue();
        assertThat(strings(get("/api/catalog/members?email=" + newEmail).json(), "id")).containsExactly(id);
        assertThat(get("/api/catalog/members?email=" + oldEmail).json()).isEmpty();
        String oldToken = bearer(TestTokens.builder().email(oldEmail).roles(MemberAdded.ROLE_LIBRARY_MEMBER)
                .library(libraryId).cohort(cohortId).sign());
        assertThat(get("/api/catalog/libraries/" + libraryId, "Authorization", oldToken).status())
                .as("the old address is no one's now").isEqualTo(403);
        assertThat(eventsOf(id, 2).get(1).payloadAs(Events.MEMBER_UPDATED).previousLibraryId()).isNull();

        String staffEmail = uniqueEmail();
        String staffId = post("/api/catalog/staff", object().put("name", "Sam").put("email", staffEmail)).json()
                .path("id").asString();
        assertProblem(put("/api/catalog/members/" + staffId, memberChange("Sam", staffEmail, null, libraryId),
                "If-Match", "\"1\""), 400, "libraryId");
        assertProblem(put("/api/catalog/members/" + staffId, memberChange("Sam", staffEmail, "Lead", null),
                "If-Match", "\"1\""), 400, "teamRole");
        Response renamed = put("/api/catalog/members/" + staffId, memberChange("Sam Staff", staffEmail, null, null),
                "If-Match", "\"1\"");
        assertThat(renamed.status()).as(renamed.raw().body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Sam Staff");
        assertThat(renamed.json().path("libraryId").isNull()).isTrue();
    }

    @Test
    void badMemberChangesAreRefusedWholeNamingTheField() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String otherCohortsLibrary = newLibrary(newCohort().path("id").asString()).path("id").asString();
        String takenEmail = uniqueEmail();
        newMember(libraryId, takenEmail);
        String email = uniqueEmail();
        String id = newMember(libraryId, email).path("id").asString();

        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", email, null, libraryId)), 428,
                "If-Match");
        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", takenEmail.toUpperCase(), null,
                libraryId), "If-Match", "\"1\""), 409, "email");
        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", email, null, otherCohortsLibrary),
                "If-Match", "\"1\""), 400, "libraryId");
        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", email, null, UUID.randomUUID().toString()),
                "If-Match", "\"1\""), 400, "libraryId");
        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", email, null, null), "If-Match", "\"1\""),
                400, "libraryId");
        assertProblem(put("/api/catalog/members/" + id, memberChange("", "not-an-address", null, libraryId),
                "If-Match", "\"1\""), 400, "name", "email");
        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", email, null, libraryId),
                "If-Match", "\"0\""), 412);

        JsonNode stored = get("/api/catalog/members/" + id).json();
        assertThat(stored.path("version").asLong()).isEqualTo(1);
        assertThat(stored.path("email").asString()).isEqualTo(email);
        assertThat(eventsOf(id, 1).get(0).type()).as("only MemberAdded").isEqualTo(Events.MEMBER_ADDED);

        assertThat(delete("/api/catalog/members/" + id).status()).isEqualTo(204);
        assertProblem(put("/api/catalog/members/" + id, memberChange("Ada", email, null, libraryId), "If-Match",
                "*"), 404);
    }

    @Test
    void concurrentChangesWithTheSameETagLeaveOneWinnerAndOneEvent() throws Exception {
        String cohortId = newCohort().path("id").asString();
        String id = newLibrary(cohortId).path("id").asString();
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            ObjectNode change = libraryBody(unique("Racer"));
            Thread thread = new Thread(() -> statuses.add(put("/api/catalog/libraries/" + id, change,
                    "If-Match", "\"1\"").status()));
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(get("/api/catalog/libraries/" + id).json().path("version").asLong()).isEqualTo(2);
        awaitEvents(id, 2);
        assertThat(recordsSeen(id)).hasSize(2);
    }

    private String publishedWebinar() {
        String slug = unique("move");
        Response created = post("/api/catalog/webinars", object().put("title", "Move " + slug).put("slug", slug)
                .put("summary", "S.").put("seriesPosition", 1).put("durationMinutes", 60));
        String id = created.json().path("id").asString();
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        return id;
    }

    private static List<String> strings(JsonNode nodes, String field) {
        List<String> values = new ArrayList<>();
        nodes.forEach(node -> values.add(node.path(field).asString()));
        return values;
    }
}
