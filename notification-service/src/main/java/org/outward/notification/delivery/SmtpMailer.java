package org.outward.notification.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message of one email (multipart/alternative: plain text first, HTML preferred) and hands it to
 * the SMTP server over a kept connection ({@link SmtpConnections}), asking the email's {@link
 * FencedSmtpTransport.CommitGate} right before the server takes it. The Message-ID is derived from the idempotency
 * key, so mail clients would see one message even if one ever went out twice.
 */
@Component
public class SmtpMailer {

    public static final String IDEMPOTENCY_HEADER = "X-Outward-Idempotency-Key";
    public static final String KIND_HEADER = "X-Outward-Kind";
    public static final String CORRELATION_HEADER = "X-Outward-Correlation-Id";

    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern SAFE_HEADER = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final SmtpConnections connections;
    private final DeliveryProperties properties;
    private final Clock clock;

    public SmtpMailer(SmtpConnections connections, DeliveryProperties properties, Clock clock) {
        this.connections = connections;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of one send. */
    public enum Outcome {
        /** the server took it */
        ACCEPTED,
        /** certainly not delivered: refused by the server, the server unreachable, or the message unbuildable */
        NOT_DELIVERED,
        /** the final dot went out but no answer came back: the server may have taken it */
        IN_DOUBT,
        /** the gate said no: another sender owns this email now; nothing was sent */
        FENCED
    }

    /** @param failure why, unless ACCEPTED */
    public record Result(Outcome outcome, Exception failure) {
    }

    /**
     * Sends one email over a kept connection. A kept connection that fails before anything was committed (the
     * server dropped it while idle) is replaced by a new one once, without counting an attempt.
     */
    public Result send(ClaimedEmail email, FencedSmtpTransport.CommitGate gate) {
        MimeMessage message;
        try {
            message = build(email);
        } catch (MailPreparationException e) {
            return new Result(Outcome.NOT_DELIVERED, e);
        }
        Result result = sendOnce(message, gate);
        if (result.outcome() == Outcome.NOT_DELIVERED && result.failure() instanceof StaleConnection stale) {
            result = sendOnce(message, gate);
            if (result.failure() instanceof StaleConnection again) {
                result = new Result(Outcome.NOT_DELIVERED, (Exception) again.getCause());
            }
        }
        return result;
    }

    private Result sendOnce(MimeMessage message, FencedSmtpTransport.CommitGate gate) {
        SmtpConnections.Connection connection;
        try {
            connection = connections.borrow();
        } catch (MessagingException | RuntimeException e) {
            return new Result(Outcome.NOT_DELIVERED, e);
        }
        try {
            connection.transport.send(message, gate);
            connections.giveBack(connection, true);
            return new Result(Outcome.ACCEPTED, null);
        } catch (MessagingException | RuntimeException e) {
            connections.giveBack(connection, false);
            FencedSmtpTransport.Stage stage = connection.transport.stage();
            if (stage == FencedSmtpTransport.Stage.COMMITTED) {
                return new Result(Outcome.IN_DOUBT, e);
            }
            if (stage == FencedSmtpTransport.Stage.NOT_COMMITTED && SmtpFailures.contains(e,
                    FencedSmtpTransport.FencedException.class)) {
                return new Result(Outcome.FENCED, e);
            }
            if (stage == FencedSmtpTransport.Stage.NOT_COMMITTED && connection.reused
                    && SmtpFailures.replyCodeIn(e) == null) {
                return new Result(Outcome.NOT_DELIVERED, new StaleConnection(e));
            }
            return new Result(Outcome.NOT_DELIVERED, e);
        }
    }

    /** A kept connection failed before the server answered anything: worth one more try on a new one. */
    private static final class StaleConnection extends Exception {
        StaleConnection(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    MimeMessage build(ClaimedEmail email) {
        try {
            MimeMessage message = new MimeMessage(connections.session());
            message.setFrom(new InternetAddress(properties.from(), true));
            InternetAddress to = new InternetAddress(email.to(), true);
            if (email.toName() != null && !email.toName().isBlank()) {
                to.setPersonal(email.toName(), StandardCharsets.UTF_8.name());
            }
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));

            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            if (email.calendar() == null) {
                message.setContent(alternative);
            } else {
                attachCalendar(message, alternative, email.calendar());
            }

            if (email.listUnsubscribe() != null && !email.listUnsubscribe().isBlank()) {
                // RFC 8058: mail clients show an unsubscribe button that POSTs to the https link, no sign-in.
                message.setHeader("List-Unsubscribe", email.listUnsubscribe());
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader(IDEMPOTENCY_HEADER, email.key());
            message.setHeader(KIND_HEADER, email.kind());
            if (email.correlationId() != null && SAFE_HEADER.matcher(email.correlationId()).matches()) {
                message.setHeader(CORRELATION_HEADER, email.correlationId());
            }
            // saveChanges makes a random Message-ID: set ours after it, as JavaMailSenderImpl does.
            message.saveChanges();
            message.setHeader("Message-ID", messageId(email.key(), properties.messageIdDomain()));
            return message;
        } catch (AddressException e) {
            throw new MailPreparationException("invalid address: " + e.getMessage(), e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("could not build message: " + e.getMessage(), e);
        }
    }

    /**
     * An invitation the way calendar clients look for it (RFC 6047): a {@code text/calendar; method=...} part inside
     * the alternative (Outlook, Apple Mail and Gmail offer "add to calendar" from it) and the same file as an
     * {@code invite.ics} attachment for every other client.
     */
    private static void attachCalendar(MimeMessage message, MimeMultipart alternative, String ics)
            throws MessagingException {
        java.util.regex.Matcher method = java.util.regex.Pattern.compile("(?m)^METHOD:([A-Z-]+)\\r?$").matcher(ics);
        String type = "text/calendar; charset=UTF-8" + (method.find() ? "; method=" + method.group(1) : "");
        MimeBodyPart inline = new MimeBodyPart();
        inline.setContent(ics, type);
        inline.setHeader("Content-Type", type);
        inline.setHeader("Content-Transfer-Encoding", "8bit");
        alternative.addBodyPart(inline);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(ics, "application/ics; name=invite.ics");
        file.setHeader("Content-Type", "application/ics; name=invite.ics");
        file.setDisposition(jakarta.mail.Part.ATTACHMENT);
        file.setFileName("invite.ics");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(file);
        message.setContent(mixed);
    }

    /**
     * {@code <eventId.recipientId@domain>} for keys like {@code eventId:recipientId}; keys that would
     * not make a valid dot-atom are hashed instead.
     */
    static String messageId(String key, String domain) {
        String local = key.replace(':', '.');
        if (!DOT_ATOM.matcher(local).matches() || local.length() > 200) {
            local = sha256(key);
        }
        return "<" + local + "@" + domain + ">";
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
