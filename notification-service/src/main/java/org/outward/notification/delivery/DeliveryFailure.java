package org.outward.notification.delivery;

/** Why an attempt failed, and whether trying again could ever help. */
public record DeliveryFailure(boolean permanent, String reason) {

    private static final int MAX_REASON = 500;

    public DeliveryFailure {
        reason = reason == null ? "unknown error" : reason.replaceAll("\\s+", " ").trim();
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
    }
}
