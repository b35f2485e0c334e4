package org.outward.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** The claims the services read, the same for tokens from the authorization-code flow and from the dev endpoint. */
final class TokenClaims {

    private TokenClaims() {
    }

    static Map<String, Object> of(DevUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("email", user.email());
        claims.put("name", user.name());
        claims.put("roles", user.roles());
        if (user.libraryId() != null) {
            claims.put("library_id", user.libraryId());
        }
        if (user.cohortId() != null) {
            claims.put("cohort_id", user.cohortId());
        }
        return claims;
    }
}
