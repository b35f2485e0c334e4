package org.outward.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;

class WebinarEmailRendererTest {

    private final WebinarEmailRenderer renderer = new WebinarEmailRenderer(new WebProperties("https://outward.example/"));
    private final Recipient sam = new Recipient("m-sam", "sam@lib.test", "Sam <Lee>", MemberAdded.ROLE_LIBRARY_MEMBER,
            "lib-1", "c-1", "Director", Instant.now());

    @Test
    void fallsBackGracefullyWhileTheLibraryIsNotKnownYet() {
        RenderedEmail email = renderer.render(webinar(List.of()), sam, Optional.empty());
        assertThat(email.text()).contains("A new webinar is available for your library:",
                "because you are on a library team in an Outward cohort");
        assertThat(email.html()).contains("your library");
    }

    @Test
    void namesTheLibraryAndCohortWhenKnown() {
        Library library = new Library("lib-1", "c-1", "Fall Cohort", "Elm Street Library", "Elm", "WA",
                "America/Los_Angeles", Instant.now());
        RenderedEmail email = renderer.render(webinar(List.of()), sam, Optional.of(library));
        assertThat(email.text()).contains("for Elm Street Library:", "the Elm Street Library team in the Fall Cohort cohort");
    }

    @Test
    void escapesHtmlOnlyInTheHtmlBody() {
        RenderedEmail email = renderer.render(webinar(List.of()), sam, Optional.empty());
        assertThat(email.subject()).isEqualTo("New webinar: Q&A <live>");
        assertThat(email.text()).contains("Hello Sam <Lee>,", "Q&A <live>");
        assertThat(email.html()).contains("Hello Sam &lt;Lee&gt;,", "Q&amp;A &lt;live&gt;").doesNotContain("<live>");
    }

    @Test
    void leavesOutEmptySectionsAndUnsafeLinks() {
        RenderedEmail without = renderer.render(webinar(List.of(new LinkData("x", "javascript:alert(1)"))), sam,
                Optional.empty());
        assertThat(without.text()).doesNotContain("Watch the recording", "javascript:", "Resources:");
        RenderedEmail with = renderer.render(webinar(List.of(new LinkData("Video", "https://v.example/1"))), sam,
                Optional.empty());
        assertThat(with.text()).contains("Watch the recording:\n  - Video: https://v.example/1\n");
        assertThat(with.text()).contains("Open the webinar in Outward:\nhttps://outward.example/webinars/q-a-live\n");
    }

    @Test
    void durationsReadNaturally() {
        assertThat(WebinarEmailRenderer.duration(45)).isEqualTo("45 minutes");
        assertThat(WebinarEmailRenderer.duration(60)).isEqualTo("1 hour");
        assertThat(WebinarEmailRenderer.duration(121)).isEqualTo("2 hours 1 minute");
    }

    private static WebinarPublished webinar(List<LinkData> recordings) {
        return new WebinarPublished("w-1", "q-a-live", "Q&A <live>", "A summary.", List.of(), 1, 60, recordings,
                List.of(), 1L, Instant.now());
    }
}
