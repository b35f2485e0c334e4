package org.outward.notes.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private record Note(PackedVectors vectors, long bytes) implements VectorIndex.Entry {
    }

    private static Note note(long bytes) {
        return new Note(PackedVectors.of(List.of(new float[] {1, 0}), 2), bytes);
    }

    @Test
    void givesANoteOnlyForTheVersionItWasComputedFrom() {
        VectorIndex<Note> index = new VectorIndex<>(1000);
        Note a = note(100);
        index.put("a", "1:f1", a);

        assertThat(index.get("a", "1:f1")).containsSame(a);
        assertThat(index.get("a", "2:f1")).isEmpty();
        assertThat(index.get("a", "1:f2")).isEmpty();
        index.remove("a");
        assertThat(index.get("a", "1:f1")).isEmpty();
        assertThat(index.bytes()).isZero();
    }

    @Test
    void dropsTheLeastRecentlyUsedNotesToStayWithinItsBytes() {
        VectorIndex<Note> index = new VectorIndex<>(300);
        index.put("a", "1", note(100));
        index.put("b", "1", note(100));
        index.put("c", "1", note(100));
        index.get("a", "1"); // a used after b

        index.put("d", "1", note(100));

        assertThat(index.get("b", "1")).isEmpty();
        assertThat(index.get("a", "1")).isPresent();
        assertThat(index.get("d", "1")).isPresent();
        assertThat(index.bytes()).isEqualTo(300);
        index.put("a", "2", note(50)); // a new version replaces the old one
        assertThat(index.bytes()).isEqualTo(250);
        index.put("big", "1", note(301));
        assertThat(index.get("big", "1")).isEmpty();
    }
}
