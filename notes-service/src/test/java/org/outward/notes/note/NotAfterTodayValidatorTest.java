package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotAfterTodayValidatorTest {

    private static NotAfterTodayValidator at(String instant) {
        return new NotAfterTodayValidator(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void pastAndTodayAreValidNullIsLeftToNotNull() {
        NotAfterTodayValidator validator = at("2025-06-15T12:00:00Z");

        assertThat(validator.isValid(LocalDate.parse("2024-01-01"), null)).isTrue();
        assertThat(validator.isValid(LocalDate.parse("2025-06-15"), null)).isTrue();
        assertThat(validator.isValid(null, null)).isTrue();
    }

    @Test
    void tomorrowInUtcIsValidOnceItHasBegunAtUtcPlus14() {
        assertThat(at("2025-06-15T09:59:59Z").isValid(LocalDate.parse("2025-06-16"), null)).isFalse();
        assertThat(at("2025-06-15T10:00:00Z").isValid(LocalDate.parse("2025-06-16"), null)).isTrue();
    }

    @Test
    void aDateInTheFutureEverywhereIsInvalid() {
        NotAfterTodayValidator validator = at("2025-06-15T23:59:59Z");

        assertThat(validator.isValid(LocalDate.parse("2025-06-17"), null)).isFalse();
        assertThat(validator.isValid(LocalDate.parse("2026-01-01"), null)).isFalse();
    }
}
