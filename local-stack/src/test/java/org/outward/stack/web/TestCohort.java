package org.outward.stack.web;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;

/**
 * A cohort of a browser test's own (the stack is shared): two libraries with one member each, made through the
 * gateway by the demo staff user, and known to the identity provider (it learns people from roster events).
 */
record TestCohort(String cohortId, String cohortName, Library home, Library other) {

    record Library(String id, String name, String memberEmail, String memberName) {
    }

    static TestCohort create(LocalStack stack, String label) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Http staff = staff(stack);
        String cohortName = label + " cohort " + tag;
        String cohortId = created(staff.post("/api/catalog/cohorts", Map.of("name", cohortName,
                "slug", "web-" + tag, "startsOn", LocalDate.now().minusMonths(1).toString(),
                "endsOn", LocalDate.now().plusMonths(11).toString())));
        Library home = library(staff, cohortId, "Juniper Library " + tag, "Jamie Rivers", "jamie-" + tag + "@juniper.example");
        Library other = library(staff, cohortId, "Aspen Library " + tag, "Ari Stone", "ari-" + tag + "@aspen.example");
        // Signed in by the identity provider, then let in by every service (each follows the roster topic).
        for (String email : List.of(home.memberEmail(), other.memberEmail())) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> token(stack, email) != null);
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                Http member = as(stack, email);
                return List.of("/api/catalog/webinars", "/api/notes", "/api/notifications/preferences/me").stream()
                        .allMatch(path -> member.get(path).status() == 200);
            });
        }
        return new TestCohort(cohortId, cohortName, home, other);
    }

    private static Library library(Http staff, String cohortId, String name, String person, String email) {
        String id = created(staff.post("/api/catalog/cohorts/" + cohortId + "/libraries", Map.of("name", name,
                "city", "Riverbend", "state", "OR", "contactEmail", "desk@" + email.substring(email.indexOf('@') + 1),
                "timeZone", "America/Los_Angeles")));
        created(staff.post("/api/catalog/libraries/" + id + "/members", Map.of("name", person, "email", email,
                "teamRole", "Team lead")));
        return new Library(id, name, email, person);
    }

    static Http staff(LocalStack stack) {
        return new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
    }

    static String token(LocalStack stack, String email) {
        return Http.devToken(stack.config().identityUrl(), email, DemoData.DEV_PASSWORD);
    }

    static Http as(LocalStack stack, String email) {
        return new Http(stack.config().gatewayUrl()).withToken(token(stack, email));
    }

    private static String created(Http.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("expected 201, got " + response.status() + ": " + response.raw());
        }
        return response.body().get("id").asString();
    }
}
