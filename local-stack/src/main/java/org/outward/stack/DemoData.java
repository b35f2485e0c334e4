package org.outward.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads {@code demo/demo-data.json} through the gateway, exactly as a client would: each item is looked up by
 * its natural key (slug, name, email) and created only when missing, so a second load changes nothing and
 * sends no email.
 */
public final class DemoData {

    /** What a load did: how many items it created and how many were there already. */
    public record Summary(int created, int existing, List<String> memberEmails) {
    }

    /** The demo program-staff user: the identity provider knows them from its start, so they can load the roster. */
    public static final String STAFF_EMAIL = "pat.rivera@outward.example";
    /** The development identity provider's one password (dev only; see dev-identity's application.yml). */
    public static final String DEV_PASSWORD = "outward";

    private final Http http;
    private final String gatewayUrl;
    private final String identityUrl;
    private int created;
    private int existing;

    public DemoData(String gatewayUrl, String identityUrl) {
        this.http = new Http(gatewayUrl).withToken(Http.devToken(identityUrl, STAFF_EMAIL, DEV_PASSWORD));
        this.gatewayUrl = gatewayUrl;
        this.identityUrl = identityUrl;
    }

    public static JsonNode document() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.json")) {
            return Http.readJson(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Summary load() throws InterruptedException {
        JsonNode demo = document();
        List<String> emails = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (JsonNode staff : demo.get("staff")) {
            ensureMember(staff, "/api/catalog/staff");
            emails.add(staff.get("email").asString());
        }
        String cohortId = ensure("/api/catalog/cohorts?slug=" + enc(demo.get("cohort").get("slug").asString()),
                node -> true, "/api/catalog/cohorts", demo.get("cohort"));
        for (JsonNode library : demo.get("libraries")) {
            ObjectNode body = (ObjectNode) library.deepCopy();
            body.remove("members");
            String name = library.get("name").asString();
            String libraryId = ensure("/api/catalog/cohorts/" + cohortId + "/libraries",
                    node -> node.get("name").asString().equalsIgnoreCase(name),
                    "/api/catalog/cohorts/" + cohortId + "/libraries", body);
            for (JsonNode member : library.get("members")) {
                ensureMember(member, "/api/catalog/libraries/" + libraryId + "/members");
                emails.add(member.get("email").asString());
                members.add(member.get("email").asString());
            }
        }
        // Notices go to the recipients notification-service knows; wait until the roster events reached it,
        // so that the first load's "new webinar" emails reach every demo member.
        awaitRecipients(emails, Duration.ofSeconds(60));
        // Every service checks each caller against its copy of the roster: wait until the demo members may act.
        awaitAdmitted(members, Duration.ofSeconds(60));
        for (JsonNode webinar : demo.get("webinars")) {
            String id = ensure("/api/catalog/webinars?status=all&slug=" + enc(webinar.get("slug").asString()),
                    node -> true, "/api/catalog/webinars", webinar);
            JsonNode current = expect(http.get("/api/catalog/webinars/" + id), 200);
            if ("draft".equals(current.get("status").asString())) {
                expect(http.post("/api/catalog/webinars/" + id + "/publish", null), 200);
            }
        }
        return new Summary(created, existing, emails);
    }

    private void ensureMember(JsonNode member, String createPath) {
        ensure("/api/catalog/members?email=" + enc(member.get("email").asString()), node -> true, createPath, member);
    }

    /** The id of the first listed item that matches, or of the item created when there is none. */
    private String ensure(String listPath, java.util.function.Predicate<JsonNode> match, String createPath,
            JsonNode body) {
        for (JsonNode item : items(expect(http.get(listPath), 200))) {
            if (match.test(item)) {
                existing++;
                return item.get("id").asString();
            }
        }
        created++;
        return expect(http.post(createPath, body), 201).get("id").asString();
    }

    private void awaitRecipients(List<String> emails, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> known = new HashSet<>();
        while (System.nanoTime() < deadline) {
            known.clear();
            for (JsonNode recipient : items(expect(http.get("/api/notifications/recipients"), 200))) {
                known.add(recipient.get("email").asString().toLowerCase());
            }
            if (emails.stream().allMatch(e -> known.contains(e.toLowerCase()))) {
                return;
            }
            Thread.sleep(250);
        }
        Console.say("warning: notification-service knows only %d of %d demo recipients", known.size(), emails.size());
    }

    private void awaitAdmitted(List<String> members, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String email : members) {
            while (!admitted(email)) {
                if (System.nanoTime() > deadline) {
                    Console.say("warning: not every service lets demo member %s in yet", email);
                    return;
                }
                Thread.sleep(250);
            }
        }
    }

    /** Signed in by the identity provider and let in by every service. */
    private boolean admitted(String email) {
        String token;
        try {
            token = Http.devToken(identityUrl, email, DEV_PASSWORD);
        } catch (IllegalStateException notYet) {
            return false;
        }
        Http member = new Http(gatewayUrl).withToken(token);
        return List.of("/api/catalog/webinars", "/api/notes", "/api/notifications/preferences/me").stream()
                .allMatch(path -> member.get(path).status() == 200);
    }

    /** List endpoints answer either a JSON array or a page object with {@code items}. */
    public static List<JsonNode> items(JsonNode body) {
        JsonNode array = body.isArray() ? body : body.get("items");
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + " but got " + response.status() + ": "
                    + response.raw());
        }
        return response.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
