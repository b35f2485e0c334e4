package org.outward.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/** docs/events.md is the contract people read: it must name every type, version, topic and payload field. */
class EventContractDocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "events.md");

    @TestFactory
    Stream<DynamicTest> everyEventTypeAndFieldIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        return Events.ALL.stream().map(type -> DynamicTest.dynamicTest(type.qualifiedName(), () -> {
            String heading = "### " + type.name() + " v" + type.version();
            assertThat(doc).as("section heading").contains(heading);
            String section = section(doc, heading);
            assertThat(section).as("topic of " + type.name()).contains("`" + type.topic() + "`");
            for (RecordComponent component : type.payloadClass().getRecordComponents()) {
                assertThat(section).as("field " + component.getName() + " of " + type.name())
                        .contains("| `" + component.getName() + "` |");
            }
        }));
    }

    @Test
    void everyTopicIsDocumented() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(doc).contains("| `" + topic + "` |"));
    }

    private static String section(String doc, String heading) {
        int start = doc.indexOf(heading);
        int next = doc.indexOf("\n### ", start + heading.length());
        return next < 0 ? doc.substring(start) : doc.substring(start, next);
    }
}
