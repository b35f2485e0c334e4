package org.outward.identity;

import java.util.List;

/** A person who can sign in: a roster member (library member or staff) or a bootstrap staff user. */
public record DevUser(String email, String name, List<String> roles, String libraryId, String cohortId, String memberId) {
}
