package org.outward.catalog.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.outward.catalog.support.CatalogIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid roster bodies, and shortcuts that create a cohort or a library to hang things from. */
abstract class RosterTest extends CatalogIntegrationTest {

    static ObjectNode cohortBody(String slug) {
        ObjectNode body = object();
        body.put("name", "Spring 2026 cohort");
        body.put("slug", slug);
        body.put("startsOn", "2026-04-01");
        body.put("endsOn", "2026-09-30");
        return body;
    }

    static ObjectNode libraryBody(String name) {
        ObjectNode body = object();
        body.put("name", name);
        body.put("city", "Springfield");
        body.put("state", "il");
        body.put("contactEmail", "director@springfield.example.org");
        body.put("timeZone", "America/Chicago");
        return body;
    }

    static ObjectNode memberBody(String email) {
        ObjectNode body = object();
        body.put("name", "Ada Librarian");
        body.put("email", email);
        body.put("teamRole", "Branch manager");
        return body;
    }

    JsonNode newCohort() {
        Response created = post("/api/catalog/cohorts", cohortBody(unique("cohort")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json();
    }

    JsonNode newLibrary(String cohortId) {
        Response created = post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody(unique("Library")));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json();
    }

    static String uniqueEmail() {
        return unique("person") + "@library.example.org";
    }
}
