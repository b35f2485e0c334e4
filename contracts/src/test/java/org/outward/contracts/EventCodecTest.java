package org.outward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.ResourceData;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.notes.NoteUploaded;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private final EventCodec codec = new EventCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private final JsonMapper json = JsonMapper.builder().build();

    private final WebinarPublished published = new WebinarPublished("w-1", "calibrating-community-conditions",
            "Calibrating Community Conditions", "From public knowledge to action.", List.of("calibration"), 3, 55,
            List.of(new LinkData("YouTube", "https://video.example/w-1")),
            List.of(new ResourceData("worksheet", "Worksheet", "worksheet", "https://files.example/w.pdf")), 2, NOW);

    @Test
    void roundTripKeepsEnvelopeAndPayload() {
        EventEnvelope envelope = codec.envelope(Events.WEBINAR_PUBLISHED, "catalog-service", "w-1", "req-7", published);

        DecodedEvent<?> decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded.envelope().id()).isEqualTo(envelope.id());
        assertThat(decoded.envelope().occurredAt()).isEqualTo(NOW);
        assertThat(decoded.envelope().correlationId()).isEqualTo("req-7");
        assertThat(decoded.is(Events.WEBINAR_PUBLISHED)).isTrue();
        assertThat(decoded.payloadAs(Events.WEBINAR_PUBLISHED)).isEqualTo(published);
    }

    @Test
    void wireFormatHasTheDocumentedFieldsAndIsoTimes() {
        EventEnvelope envelope = codec.envelope(Events.NOTE_UPLOADED, "notes-service", "n-1", null,
                new NoteUploaded("n-1", "lib-1", "c-1", "Market", NoteUploaded.VISIBILITY_COHORT,
                        LocalDate.of(2026, 11, 20), NOW));

        JsonNode wire = json.readTree(codec.encode(envelope));

        assertThat(wire.propertyNames()).containsExactlyInAnyOrder("id", "type", "version", "occurredAt", "source",
                "subject", "correlationId", "data");
        assertThat(wire.get("type").asString()).isEqualTo("NoteUploaded");
        assertThat(wire.get("version").asInt()).isEqualTo(2);
        assertThat(wire.get("occurredAt").asString()).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(wire.get("data").get("conversationDate").asString()).isEqualTo("2026-11-20");
    }

    @Test
    void unknownDataFieldsAreIgnoredSoAddingAFieldIsCompatible() {
        String value = codec.encode(codec.envelope(Events.MEMBER_ADDED, "catalog-service", "m-1", null,
                new MemberAdded("m-1", "a@b.example", "A", MemberAdded.ROLE_LIBRARY_MEMBER, "l-1", "c-1", "Lead")))
                .replace("\"teamRole\"", "\"newOptionalField\":42,\"teamRole\"");

        assertThat(codec.decode(value).payloadAs(Events.MEMBER_ADDED).teamRole()).isEqualTo("Lead");
    }

    @Test
    void progressWithoutThePerPersonFieldsOfLaterProducersStillDecodesAndNewOnesRoundTrip() {
        var person = new org.outward.contracts.catalog.ProgressRecorded("lib-1", "c-1", "w-1",
                org.outward.contracts.catalog.ProgressRecorded.KIND_SESSION_ATTENDED, null, true, "staff-1",
                java.time.Instant.parse("2026-03-02T15:00:00Z"), "m-1", "s-1");
        String wire = codec.encode(codec.envelope(Events.PROGRESS_RECORDED, "catalog-service", "lib-1", null, person));
        assertThat(codec.decode(wire).payloadAs(Events.PROGRESS_RECORDED)).isEqualTo(person);
        String older = wire.replace(",\"memberId\":\"m-1\"", "").replace(",\"sessionId\":\"s-1\"", "");
        assertThat(older).doesNotContain("memberId");
        var decoded = codec.decode(older).payloadAs(Events.PROGRESS_RECORDED);
        assertThat(decoded.memberId()).isNull();
        assertThat(decoded.sessionId()).isNull();
        assertThat(decoded.kind()).isEqualTo("session-attended");
    }

    @Test
    void cohortMilestonesTravelAsDates() {
        var cohort = new org.outward.contracts.catalog.CohortCreated("c-1", "Spring", "spring",
                java.time.LocalDate.parse("2026-01-05"), java.time.LocalDate.parse("2027-07-04"),
                java.util.List.of(new org.outward.contracts.catalog.MilestoneData("report-due",
                        java.time.LocalDate.parse("2026-07-05"), "Report due")), 1);
        String wire = codec.encode(codec.envelope(Events.COHORT_CREATED, "catalog-service", "c-1", null, cohort));
        assertThat(wire).contains("\"on\":\"2026-07-05\"").contains("\"startsOn\":\"2026-01-05\"");
        assertThat(codec.decode(wire).payloadAs(Events.COHORT_CREATED)).isEqualTo(cohort);
    }

    @Test
    void poisonRecordsAreRejectedWithTheReason() {
        String valid = codec.encode(codec.envelope(Events.WEBINAR_PUBLISHED, "catalog-service", "w-1", null, published));

        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> codec.decode("")).isInstanceOf(InvalidEventException.class);
        // A sound envelope of a type or version this build does not know is told apart: consumers skip those.
        assertThatThrownBy(() -> codec.decode(valid.replace("\"WebinarPublished\"", "\"WebinarExploded\"")))
                .isInstanceOf(UnknownEventTypeException.class).hasMessageContaining("WebinarExploded.v1");
        assertThatThrownBy(() -> codec.decode(valid.replace("\"version\":1", "\"version\":9")))
                .isInstanceOf(UnknownEventTypeException.class).hasMessageContaining("v9");
        assertThatThrownBy(() -> codec.decode("{not json")).isNotInstanceOf(UnknownEventTypeException.class);
        assertThatThrownBy(() -> codec.decode(valid.replace("\"subject\":\"w-1\",", "")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> codec.decode(valid.replace("\"seriesPosition\":3", "\"seriesPosition\":\"third\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("WebinarPublished.v1");
    }

    @Test
    void anOlderVersionStillOnTheTopicDecodesAsThatVersion() {
        NoteUploaded note = new NoteUploaded("n-1", "lib-1", "c-1", "Board retreat", NoteUploaded.VISIBILITY_PRIVATE,
                LocalDate.of(2026, 11, 20), NOW);
        String v1 = codec.encode(codec.envelope(Events.NOTE_UPLOADED_V1, "notes-service", "n-1", null, note));

        DecodedEvent<?> decoded = codec.decode(v1);

        assertThat(decoded.is(Events.NOTE_UPLOADED_V1)).isTrue();
        assertThat(decoded.is(Events.NOTE_UPLOADED)).isFalse();
        assertThatThrownBy(() -> decoded.payloadAs(Events.NOTE_UPLOADED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyRegisteredTypeIsUniqueAndOnAKnownTopic() {
        assertThat(Events.ALL).extracting(EventType::qualifiedName).doesNotHaveDuplicates();
        assertThat(Events.ALL).allSatisfy(type -> assertThat(Topics.ALL).contains(type.topic()));
    }
}
