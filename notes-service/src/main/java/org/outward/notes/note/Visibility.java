package org.outward.notes.note;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.outward.contracts.notes.NoteUploaded;

/** Who may see a note. The wire and stored names are the contract's lower-case ones. */
public enum Visibility {

    /** Only the uploading library. */
    @JsonProperty(NoteUploaded.VISIBILITY_PRIVATE)
    PRIVATE(NoteUploaded.VISIBILITY_PRIVATE),

    /** Every library of the note's cohort. */
    @JsonProperty(NoteUploaded.VISIBILITY_COHORT)
    COHORT(NoteUploaded.VISIBILITY_COHORT);

    private final String wireName;

    Visibility(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Visibility fromWireName(String name) {
        for (Visibility visibility : values()) {
            if (visibility.wireName.equals(name)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("unknown visibility: " + name);
    }
}
