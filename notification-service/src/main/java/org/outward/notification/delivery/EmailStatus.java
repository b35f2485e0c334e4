package org.outward.notification.delivery;

/**
 * PENDING (waiting for its next attempt) -> SENDING (claimed by a sender, under a lease) -> SENT; or back
 * to PENDING after a temporary failure; or FAILED after a permanent rejection or too many attempts; or
 * CANCELLED when its recipient left the roster (or their library its cohort) before it went out.
 */
public enum EmailStatus {
    PENDING, SENDING, SENT, FAILED, CANCELLED
}
