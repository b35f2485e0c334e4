package org.outward.notification.digest;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outward.notification.notice.RenderedEmail;
import org.outward.notification.notice.WebProperties;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders digests (and single-item notices, which are a digest of one) from
 * {@code templates/email/digest.{txt,html}.mustache}: HTML escaped, text not. The footer says why the person
 * gets the email and how to change that; the unsubscribe link is the same as the List-Unsubscribe header's.
 */
@Component
public class DigestRenderer {

    private static final String TEMPLATE = "templates/email/digest";

    private final WebProperties web;
    private final Template text;
    private final Template html;

    public DigestRenderer(WebProperties web) {
        this.web = web;
        Mustache.Compiler base = Mustache.compiler().nullValue("").emptyStringIsFalse(true);
        this.text = compile(base.escapeHTML(false), TEMPLATE + ".txt.mustache");
        this.html = compile(base.escapeHTML(true), TEMPLATE + ".html.mustache");
    }

    /**
     * @param what for example "daily digest"; null for a single-item notice
     */
    public RenderedEmail render(Recipient recipient, Optional<Library> library, String what,
            List<DigestContent.Group> groups, String unsubscribeUrl, String reason) {
        int count = DigestContent.count(groups);
        String libraryName = library.map(Library::name).filter(n -> !n.isBlank()).orElse(null);
        String subject;
        String intro;
        if (what == null) {
            DigestContent.Group group = groups.get(0);
            subject = group.title() + ": " + group.items().get(0).headline();
            intro = "There is news for " + (libraryName == null ? "you" : libraryName) + " in Outward:";
        } else {
            subject = "Your " + what + " from Outward: " + count + (count == 1 ? " update" : " updates");
            intro = "Here is your " + what + (libraryName == null ? "" : " for " + libraryName)
                    + ", newest first.";
        }
        subject = subject.replaceAll("[\\r\\n\\t]+", " ").trim();
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("recipientName", recipient.name() == null || recipient.name().isBlank() ? "there" : recipient.name());
        model.put("intro", intro);
        model.put("groups", groups);
        model.put("homeUrl", web.baseUrl() + "/");
        model.put("preferencesUrl", web.baseUrl() + "/settings/notifications");
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("footer", footer(recipient, library, reason));
        return new RenderedEmail(subject, text.execute(model), html.execute(model));
    }

    static String footer(Recipient recipient, Optional<Library> library, String reason) {
        String who = recipient.isStaff() ? "you are Outward program staff"
                : library.filter(l -> l.name() != null && !l.name().isBlank())
                        .map(l -> "you are on the " + l.name() + " team"
                                + (l.cohortName() == null || l.cohortName().isBlank() ? " in an Outward cohort"
                                        : " in the " + l.cohortName() + " cohort of Outward"))
                        .orElse("you are on a library team in an Outward cohort");
        return "You are receiving this email because " + who + " and " + reason + ".";
    }

    private static Template compile(Mustache.Compiler compiler, String path) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read email template " + path, e);
        }
    }
}
