package org.outward.contracts;

/**
 * Every Kafka topic of the system. A topic carries the events of one kind of aggregate, so that
 * the events of one aggregate (same key) stay in order on one partition.
 */
public final class Topics {

    /** Webinar lifecycle events of catalog-service; key: webinar id. */
    public static final String CATALOG_WEBINARS = "outward.catalog.webinars";
    /** Cohort roster events of catalog-service (libraries and members); key: library or member id. */
    public static final String CATALOG_ROSTER = "outward.catalog.roster";
    /** Live sessions of webinars and registrations for them; key: session id. */
    public static final String CATALOG_SESSIONS = "outward.catalog.sessions";
    /** Progress of libraries and their people through the series; key: library id. */
    public static final String CATALOG_PROGRESS = "outward.catalog.progress";
    /** Conversation-note events of notes-service; key: note id. */
    public static final String NOTES_NOTES = "outward.notes.notes";
    /** Top themes of a library's shared notes or of a cohort changed; key: library id or "cohort:<cohortId>". */
    public static final String NOTES_THEMES = "outward.notes.themes";
    /** Community-stage calibrations; key: library id. */
    public static final String NOTES_CALIBRATIONS = "outward.notes.calibrations";

    /** Every topic above; each also has a dead-letter topic. */
    public static final java.util.List<String> ALL =
            java.util.List.of(CATALOG_WEBINARS, CATALOG_ROSTER, CATALOG_SESSIONS, CATALOG_PROGRESS, NOTES_NOTES, NOTES_THEMES,
                    NOTES_CALIBRATIONS);

    /** Suffix of each consumer's dead-letter topic: {@code <topic>.DLT}, the Spring Kafka convention. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
