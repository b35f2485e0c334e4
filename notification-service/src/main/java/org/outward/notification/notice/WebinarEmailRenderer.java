package org.outward.notification.notice;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Renders the "new webinar published" email from the Mustache templates in
 * {@code templates/email/webinar-published.{txt,html}.mustache}. The HTML template escapes every value;
 * the text one must not (an "&" in a title stays an "&"). Only http(s) links are put into emails, so a
 * bad URL in the catalog cannot become a script link.
 */
@Component
public class WebinarEmailRenderer {

    private static final String TEMPLATE = "templates/email/webinar-published";

    private final WebProperties web;
    private final Template text;
    private final Template html;

    public WebinarEmailRenderer(WebProperties web) {
        this.web = web;
        Mustache.Compiler base = Mustache.compiler().nullValue("").emptyStringIsFalse(true);
        this.text = compile(base.escapeHTML(false), TEMPLATE + ".txt.mustache");
        this.html = compile(base.escapeHTML(true), TEMPLATE + ".html.mustache");
    }

    public RenderedEmail render(WebinarPublished webinar, Recipient recipient, Optional<Library> library) {
        return render(webinar, recipient, library, null);
    }

    /** @param unsubscribeUrl the web client's unsubscribe page, shown in the footer with the preferences link; may be null */
    public RenderedEmail render(WebinarPublished webinar, Recipient recipient, Optional<Library> library,
            String unsubscribeUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("preferencesUrl", web.baseUrl() + "/settings/notifications");
        model.put("recipientName", blankTo(recipient.name(), "there"));
        model.put("libraryName", library.map(Library::name).map(n -> blankTo(n, null)).orElse("your library"));
        model.put("title", webinar.title());
        model.put("summary", Objects.toString(webinar.summary(), ""));
        model.put("seriesLabel", webinar.seriesPosition() > 0 ? "Webinar " + webinar.seriesPosition() + " of the series"
                : "");
        model.put("duration", duration(webinar.durationMinutes()));
        List<Map<String, String>> recordings = nullSafe(webinar.recordings()).stream()
                .filter(link -> safeUrl(link.url()))
                .map(link -> Map.of("label", blankTo(link.label(), "Recording"), "url", link.url()))
                .toList();
        List<Map<String, String>> resources = nullSafe(webinar.resources()).stream()
                .filter(resource -> safeUrl(resource.url()))
                .map(resource -> Map.of("title", blankTo(resource.title(), "Resource"), "kind",
                        kindLabel(resource.kind()), "url", resource.url()))
                .toList();
        model.put("recordings", recordings);
        model.put("hasRecordings", !recordings.isEmpty());
        model.put("resources", resources);
        model.put("hasResources", !resources.isEmpty());
        model.put("webinarUrl", web.baseUrl() + "/webinars/"
                + UriUtils.encodePathSegment(Objects.toString(webinar.slug(), webinar.webinarId()), StandardCharsets.UTF_8));
        model.put("footer", footer(library));
        String subject = ("New webinar: " + webinar.title()).replaceAll("[\\r\\n\\t]+", " ").trim();
        return new RenderedEmail(subject, text.execute(model), html.execute(model));
    }

    private static String footer(Optional<Library> library) {
        String who = library.filter(l -> l.name() != null && !l.name().isBlank())
                .map(l -> "you are on the " + l.name() + " team"
                        + (l.cohortName() == null || l.cohortName().isBlank() ? " in an Outward cohort"
                                : " in the " + l.cohortName() + " cohort of Outward"))
                .orElse("you are on a library team in an Outward cohort");
        return "You are receiving this email because " + who
                + " and new webinars are sent to you as they are published (you can change that, or get them in a"
                + " digest).";
    }

    static String duration(int minutes) {
        if (minutes <= 0) {
            return "Duration to be announced";
        }
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        String h = hours + (hours == 1 ? " hour" : " hours");
        return rest == 0 ? h : h + " " + rest + (rest == 1 ? " minute" : " minutes");
    }

    private static String kindLabel(String kind) {
        if (kind == null || kind.isBlank()) {
            return "resource";
        }
        return kind.replace('-', ' ').toLowerCase(Locale.ROOT);
    }

    private static boolean safeUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Template compile(Mustache.Compiler compiler, String path) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read email template " + path, e);
        }
    }
}
