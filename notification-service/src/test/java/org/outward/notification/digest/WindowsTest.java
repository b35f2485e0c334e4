package org.outward.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.Preferences;

class WindowsTest {

    private static Preferences prefs(String zone, int hour, DayOfWeek day) {
        return new Preferences("m", zone, hour, day, Map.of(), true);
    }

    @Test
    void dailyBoundariesAreAtTheLocalHour() {
        Preferences la = prefs("America/Los_Angeles", 8, DayOfWeek.MONDAY);
        // 2027-01-15 15:59Z is 07:59 in Los Angeles: the last boundary was the day before.
        assertThat(Windows.lastBoundary(Frequency.DAILY, la, Instant.parse("2027-01-15T15:59:00Z")))
                .isEqualTo(Instant.parse("2027-01-14T16:00:00Z"));
        assertThat(Windows.lastBoundary(Frequency.DAILY, la, Instant.parse("2027-01-15T16:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-15T16:00:00Z"));
        assertThat(Windows.nextBoundary(Frequency.DAILY, la, Instant.parse("2027-01-15T16:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-16T16:00:00Z"));
        Preferences tokyo = prefs("Asia/Tokyo", 8, DayOfWeek.MONDAY);
        assertThat(Windows.lastBoundary(Frequency.DAILY, tokyo, Instant.parse("2027-01-15T16:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-14T23:00:00Z"));
    }

    @Test
    void daylightSavingTimeMovesTheUtcInstantNotTheLocalHour() {
        Preferences la = prefs("America/Los_Angeles", 8, DayOfWeek.MONDAY);
        // DST starts 2027-03-14 in the US: 08:00 PDT is 15:00Z.
        assertThat(Windows.lastBoundary(Frequency.DAILY, la, Instant.parse("2027-03-14T18:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-14T15:00:00Z"));
        assertThat(Windows.lastBoundary(Frequency.DAILY, la, Instant.parse("2027-03-13T18:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-13T16:00:00Z"));
        // 02:00 does not exist on that night: the boundary moves to 03:00 PDT.
        Preferences twoAm = prefs("America/Los_Angeles", 2, DayOfWeek.MONDAY);
        assertThat(Windows.lastBoundary(Frequency.DAILY, twoAm, Instant.parse("2027-03-14T12:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-14T10:00:00Z"));
    }

    @Test
    void weeklyBoundariesAreOnTheChosenDay() {
        Preferences wednesday = prefs("UTC", 7, DayOfWeek.WEDNESDAY);
        // 2027-01-15 is a Friday.
        assertThat(Windows.lastBoundary(Frequency.WEEKLY, wednesday, Instant.parse("2027-01-15T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-13T07:00:00Z"));
        assertThat(Windows.lastBoundary(Frequency.WEEKLY, wednesday, Instant.parse("2027-01-13T06:59:59Z")))
                .isEqualTo(Instant.parse("2027-01-06T07:00:00Z"));
        assertThat(Windows.nextBoundary(Frequency.WEEKLY, wednesday, Instant.parse("2027-01-15T00:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-20T07:00:00Z"));
    }
}
