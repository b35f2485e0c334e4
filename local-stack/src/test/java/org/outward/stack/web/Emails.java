package org.outward.stack.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outward.stack.LocalStack;

/** The emails the stack's catcher received, and the links in them. */
final class Emails {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern HEADER_URL = Pattern.compile("<(https?://[^>]+)>");

    private Emails() {
    }

    static List<Map<String, Object>> to(LocalStack stack, String address) {
        return stack.emails().stream().filter(m -> recipients(m).contains(address)).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> recipients(Map<String, Object> email) {
        return ((List<Object>) email.get("to")).stream().map(Object::toString).toList();
    }

    static String subject(Map<String, Object> email) {
        return String.valueOf(email.get("subject"));
    }

    /** Every link of the HTML body (entities decoded), then the List-Unsubscribe header's web address. */
    @SuppressWarnings("unchecked")
    static List<String> links(Map<String, Object> email) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(String.valueOf(email.get("html")));
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "="));
        }
        Object headers = email.get("headers");
        if (headers instanceof Map<?, ?> map && map.get("List-Unsubscribe") != null) {
            Matcher h = HEADER_URL.matcher(String.valueOf(((Map<String, Object>) map).get("List-Unsubscribe")));
            while (h.find()) {
                links.add(h.group(1));
            }
        }
        return new ArrayList<>(links);
    }

    static String link(Map<String, Object> email, String pathPart) {
        return links(email).stream().filter(l -> l.contains(pathPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no link with " + pathPart + " in " + subject(email)));
    }
}
