package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.MemberAdded;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MemberApiTest extends RosterTest {

    @Test
    void addsALibraryMemberAndAnnouncesIt() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String email = uniqueEmail();

        Response created = post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email));

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode member = created.json();
        String id = member.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/catalog/members/" + id);
        assertThat(member.path("name").asString()).isEqualTo("Ada Librarian");
        assertThat(member.path("email").asString()).isEqualTo(email);
        assertThat(member.path("role").asString()).isEqualTo("library-member");
        assertThat(member.path("libraryId").asString()).isEqualTo(libraryId);
        assertThat(member.path("cohortId").asString()).isEqualTo(cohortId);
        assertThat(member.path("teamRole").asString()).isEqualTo("Branch manager");
        assertThat(get("/api/catalog/members/" + id).json()).isEqualTo(member);

        List<DecodedEvent<?>> events = awaitEvents(id, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo(Events.MEMBER_ADDED);
        assertThat(events.get(0).envelope().subject()).isEqualTo(id);
        assertThat(recordsSeen(id).get(0).topic()).isEqualTo("outward.catalog.roster");
        assertThat(events.get(0).payloadAs(Events.MEMBER_ADDED)).isEqualTo(new MemberAdded(id, email,
                "Ada Librarian", MemberAdded.ROLE_LIBRARY_MEMBER, libraryId, cohortId, "Branch manager"));
    }

    @Test
    void addsProgramStaffWithoutLibraryOrCohort() {
        String email = uniqueEmail();
        ObjectNode body = object();
        body.put("name", "Grace Coach");
        body.put("email", email);

        Response created = post("/api/catalog/staff", body);

        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode staff = created.json();
        String id = staff.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/catalog/members/" + id);
        assertThat(staff.path("role").asString()).isEqualTo("program-staff");
        assertThat(staff.path("libraryId").isNull()).isTrue();
        assertThat(staff.path("cohortId").isNull()).isTrue();
        assertThat(staff.path("teamRole").isNull()).isTrue();

        List<DecodedEvent<?>> events = awaitEvents(id, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).payloadAs(Events.MEMBER_ADDED)).isEqualTo(
                new MemberAdded(id, email, "Grace Coach", MemberAdded.ROLE_PROGRAM_STAFF, null, null, null));

        JsonNode staffList = get("/api/catalog/staff").json();
        assertThat(staffList.valueStream().map(s -> s.path("id").asString())).contains(id);
        assertThat(staffList.valueStream().map(s -> s.path("role").asString())).containsOnly("program-staff");
    }

    @Test
    void anEmailBelongsToOnePersonWhateverItsCase() {
        String libraryId = newLibrary(newCohort().path("id").asString()).path("id").asString();
        String otherLibraryId = newLibrary(newCohort().path("id").asString()).path("id").asString();
        String email = uniqueEmail();
        assertThat(post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email)).status())
                .isEqualTo(201);

        assertProblem(post("/api/catalog/libraries/" + otherLibraryId + "/members", memberBody(email.toUpperCase())),
                409, "email");
        ObjectNode staff = object();
        staff.put("name", "Same Person");
        staff.put("email", email.toUpperCase());
        assertProblem(post("/api/catalog/staff", staff), 409, "email");
        assertThat(mongo.count(Query.query(Criteria.where("emailKey").is(email)), "members")).isEqualTo(1);
    }

    @Test
    void findsAMemberByEmailWhateverItsCase() {
        String libraryId = newLibrary(newCohort().path("id").asString()).path("id").asString();
        String email = "Mixed." + uniqueEmail();
        String id = post("/api/catalog/libraries/" + libraryId + "/members", memberBody(email)).json()
                .path("id").asString();

        JsonNode found = get("/api/catalog/members?email=" + email.toUpperCase()).json();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("id").asString()).isEqualTo(id);
        assertThat(found.get(0).path("email").asString()).as("kept as given").isEqualTo(email);

        assertThat(get("/api/catalog/members?email=nobody@example.org").json().size()).isZero();
        assertProblem(get("/api/catalog/members"), 400, "email");
    }

    @Test
    void listsTheMembersOfALibrary() {
        String cohortId = newCohort().path("id").asString();
        String libraryId = newLibrary(cohortId).path("id").asString();
        String otherLibraryId = newLibrary(cohortId).path("id").asString();
        ObjectNode zoe = memberBody(uniqueEmail());
        zoe.put("name", "Zoe");
        ObjectNode ann = memberBody(uniqueEmail());
        ann.put("name", "Ann");
        ann.remove("teamRole");
        post("/api/catalog/libraries/" + libraryId + "/members", zoe);
        post("/api/catalog/libraries/" + libraryId + "/members", ann);
        post("/api/catalog/libraries/" + otherLibraryId + "/members", memberBody(uniqueEmail()));

        JsonNode members = get("/api/catalog/libraries/" + libraryId + "/members").json();

        assertThat(members.valueStream().map(m -> m.path("name").asString())).containsExactly("Ann", "Zoe");
        assertThat(members.get(0).path("teamRole").isNull()).as("teamRole is optional").isTrue();
    }

    @Test
    void namesEveryInvalidField() {
        String libraryId = newLibrary(newCohort().path("id").asString()).path("id").asString();
        ObjectNode body = memberBody("not an email");
        body.put("name", "");
        body.put("teamRole", "x".repeat(101));

        assertProblem(post("/api/catalog/libraries/" + libraryId + "/members", body), 400, "name", "email", "teamRole");
        assertProblem(post("/api/catalog/staff", object()), 400, "name", "email");
        assertProblem(post("/api/catalog/staff", "{\"name\": \"x\", "), 400);
        assertThat(get("/api/catalog/libraries/" + libraryId + "/members").json().size()).isZero();
    }

    @Test
    void unknownLibrariesAndMembersAreNotFound() {
        assertProblem(post("/api/catalog/libraries/no-such-library/members", memberBody(uniqueEmail())), 404);
        assertProblem(get("/api/catalog/libraries/no-such-library/members"), 404);
        assertProblem(get("/api/catalog/members/no-such-member"), 404);
    }
}
