package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outward.platform.test.ApiDocsRules;
import tools.jackson.databind.JsonNode;

/**
 * The documents the gateway serves on its docs page (/api/docs/{service}, no token needed) are the services' own
 * and keep the same rules their ApiDocsTest checks: no token-built caller as a parameter, creates 201 with
 * Location, deletes 204, each operation's security named (none only on unsubscribe).
 */
@ExtendWith(SystemStack.class)
class ApiDocsIT {

    /** Per service: the POSTs that are actions, not creates (as in each service's ApiDocsTest). */
    private static final Map<String, Set<String>> ACTIONS = Map.of(
            "catalog", Set.of("POST /api/catalog/webinars/{id}/publish", "POST /api/catalog/webinars/{id}/archive",
                    "POST /api/catalog/webinars/reorder", "POST /api/catalog/dead-letters/{id}/replay",
                    "POST /api/catalog/dead-letters/replay", "POST /api/catalog/sessions/{id}/cancel",
                    "POST /api/catalog/sessions/{id}/attendance/csv/preview",
                    "POST /api/catalog/sessions/{id}/attendance/csv"),
            "notes", Set.of("POST /api/notes/{id}/attachments", "POST /api/notes/dead-letters/{id}/replay",
                    "POST /api/notes/dead-letters/replay"),
            "notifications", Set.of("POST /api/notifications/digests/run", "POST /api/notifications/unsubscribe",
                    "POST /api/notifications/dead-letters/{id}/replay", "POST /api/notifications/dead-letters/replay",
                    "POST /api/notifications/calendar/me/renew", "POST /api/notifications/invitations/{memberId}"));

    private static Http anonymous;

    @BeforeAll
    static void boot() {
        anonymous = new Http(SystemStack.stack().config().gatewayUrl());
    }

    @Test
    void theDocsPageShowsEveryServiceTruthfully() {
        ACTIONS.forEach((service, actions) -> {
            Http.Response response = anonymous.get("/api/docs/" + service);
            assertThat(response.status()).as(service).isEqualTo(200);
            JsonNode docs = response.body();
            assertThat(ApiDocsRules.operations(docs)).as(service).isNotEmpty();
            assertThat(ApiDocsRules.violations(docs, path -> path.equals("/api/notifications/unsubscribe")
                    // The calendar feed's signed token in the path is its credential (a calendar app cannot sign in).
                    || path.startsWith("/api/notifications/calendar/feed/"), actions))
                    .as(service).isEmpty();
        });
    }
}
