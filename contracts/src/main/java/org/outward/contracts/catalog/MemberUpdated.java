package org.outward.contracts.catalog;

/**
 * Staff changed a person on the roster: name, email, team role, or (a library member) the library of their cohort
 * they belong to. Carries the person's whole state like {@link MemberAdded}: the same member id, now with these
 * values; the compacted topic may keep only this event for them. Subject: memberId.
 *
 * @param previousLibraryId the library they belonged to before this change when it moved them, else null;
 *                          informational (a reader of the compacted topic may never see it)
 */
public record MemberUpdated(
        String memberId,
        String email,
        String name,
        String role,
        String libraryId,
        String cohortId,
        String teamRole,
        String previousLibraryId) {
}
