package org.outward.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection that asks a {@link CommitGate} right before the {@code "."} that ends a message's DATA: that
 * dot is the moment the server takes the message, so it is the one place where a second send can be prevented.
 * When the gate says no (the email's claim was taken over, or is no longer checkable) the dot is never written:
 * the connection is closed mid-DATA and the server discards the message. It also records how far a send got, so
 * the caller can tell "not sent" from "sent" from "in doubt" (the dot went out, no reply came back).
 */
final class FencedSmtpTransport extends SMTPTransport {

    /** Asked once per message, right before the dot; may write to the database, must not be slow. */
    @FunctionalInterface
    interface CommitGate {
        boolean mayCommit();
    }

    /** How far the last send got. */
    enum Stage {
        /** the dot was never written: the server did not take the message */
        NOT_COMMITTED,
        /** the dot was written and no reply came back: the server may or may not have taken it */
        COMMITTED,
        /** the server answered the dot (accepted, or refused with its code) */
        ANSWERED
    }

    /** The gate said no: thrown inside the send so that the transport drops the connection without the dot. */
    static final class FencedException extends IOException {
        FencedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private CommitGate gate;
    private Stage stage = Stage.NOT_COMMITTED;

    FencedSmtpTransport(Session session, URLName url) {
        super(session, url);
    }

    /** Sends one message to its recipients; returns when the server accepted it. */
    synchronized void send(MimeMessage message, CommitGate gate) throws MessagingException {
        this.gate = gate;
        this.stage = Stage.NOT_COMMITTED;
        try {
            sendMessage(message, message.getAllRecipients());
        } finally {
            this.gate = null;
        }
    }

    synchronized Stage stage() {
        return stage;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        boolean allowed;
        try {
            allowed = gate == null || gate.mayCommit();
        } catch (RuntimeException e) {
            throw new FencedException("could not check the claim before sending: " + e.getMessage(), e);
        }
        if (!allowed) {
            throw new FencedException("the claim on this email was lost before sending", null);
        }
        stage = Stage.COMMITTED;
        try {
            super.finishData();
        } catch (SMTPSendFailedException refused) {
            if (refused.getReturnCode() > 0) {
                stage = Stage.ANSWERED; // a reply code came back: the server did not take it
            } // else the connection ended without a reply (code -1): in doubt
            throw refused;
        }
        stage = Stage.ANSWERED;
    }
}
