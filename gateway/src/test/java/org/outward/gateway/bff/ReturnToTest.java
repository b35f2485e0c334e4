package org.outward.gateway.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/webinars/hosting-conversations", "/notes/n-1?edit=true#files",
        "/settings/notifications", "/themes?from=2026-01-01&to=2026-06-30"})
    void pathsOfThisSiteAreKept(String path) {
        assertThat(ReturnTo.sanitize(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "http://localhost:8080/notes", "//evil.example/x", "/\\evil.example",
        "\\\\evil.example", "javascript:alert(1)", "notes/1", "/notes/1\r\nSet-Cookie: x=y", "/a\tb", "/%zz",
        " /leading-space"})
    void everythingElseBecomesTheHomePage(String candidate) {
        assertThat(ReturnTo.sanitize(candidate)).isEqualTo("/");
    }

    @org.junit.jupiter.api.Test
    void overlongPathsBecomeTheHomePage() {
        assertThat(ReturnTo.sanitize("/" + "a".repeat(3000))).isEqualTo("/");
    }
}
