package org.outward.notification.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.outward.notification.delivery.SmtpMailer;

/** Reading what arrived at the test SMTP server. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Messages whose idempotency key starts with {@code <eventId>:}. */
    public static List<MimeMessage> forEvent(MimeMessage[] received, String eventId) {
        return Arrays.stream(received).filter(m -> key(m).startsWith(eventId + ":")).toList();
    }

    public static String key(MimeMessage message) {
        return header(message, SmtpMailer.IDEMPOTENCY_HEADER);
    }

    public static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String to(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
