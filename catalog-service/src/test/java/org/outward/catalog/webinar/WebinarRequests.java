package org.outward.catalog.webinar;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A valid create-webinar body that tests then spoil one field at a time. */
final class WebinarRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebinarRequests() {
    }

    static ObjectNode valid(String slug, int seriesPosition, String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("slug", slug);
        body.put("summary", "How to turn outward: start from the community's aspirations.");
        body.putArray("topics").add("turning-outward").add("community-conversations");
        body.put("seriesPosition", seriesPosition);
        body.put("durationMinutes", 60);
        body.putArray("recordings").addObject()
                .put("label", "YouTube").put("url", "https://www.youtube.com/watch?v=abc123");
        var resources = body.putArray("resources");
        resources.addObject().put("title", "Ask exercise worksheet").put("kind", "worksheet")
                .put("url", "https://example.org/ask.pdf");
        resources.addObject().put("title", "Facilitator guide").put("kind", "facilitator-guide")
                .put("url", "http://example.org/guide.pdf");
        body.putArray("sampleFields").add("durationMinutes").add("recordings");
        return body;
    }

    static ObjectNode valid(String slug) {
        return valid(slug, 1, "Turning Outward: an introduction");
    }
}
