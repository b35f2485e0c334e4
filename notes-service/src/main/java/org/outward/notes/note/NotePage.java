package org.outward.notes.note;

import java.util.List;

/** One page of notes, newest conversation first; {@code total} counts every match. */
public record NotePage(List<NoteView> items, int page, int size, long total) {
}
