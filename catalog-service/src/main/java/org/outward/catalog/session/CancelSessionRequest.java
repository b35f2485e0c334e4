package org.outward.catalog.session;

import jakarta.validation.constraints.Size;

/** @param reason shown to the invited (optional) */
public record CancelSessionRequest(@Size(max = 500) String reason) {
}
