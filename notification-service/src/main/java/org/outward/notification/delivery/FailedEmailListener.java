package org.outward.notification.delivery;

/**
 * Told when an email has been given up as FAILED, after that state was stored, so that what it carried can be
 * offered again (a digest's items go back for the next digest). Must be idempotent: it is called again for the
 * same email when a crash came between storing FAILED and the listener's own write.
 */
public interface FailedEmailListener {

    void failed(String key, String kind, String recipientId);
}
