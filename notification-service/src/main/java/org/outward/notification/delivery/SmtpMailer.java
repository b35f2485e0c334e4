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
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message of one email (multipart/alternative: plain text first, HTML preferred) and
 * hands it to the SMTP server. The Message-ID is derived from the idempotency key, so should an email
 * ever go out twice (a sender dying between the server's OK and marking it sent), mail clients see
 * one message.
 */
@Component
public class SmtpMailer {

    public static final String IDEMPOTENCY_HEADER = "X-Outward-Idempotency-Key";
    public static final String KIND_HEADER = "X-Outward-Kind";
    public static final String CORRELATION_HEADER = "X-Outward-Correlation-Id";

    private static final Pattern DOT_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern SAFE_HEADER = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final JavaMailSender sender;
    private final DeliveryProperties properties;
    private final Clock clock;

    public SmtpMailer(JavaMailSender sender, DeliveryProperties properties, Clock clock) {
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws MailException when the message cannot be built or the server does not accept it */
    public void send(ClaimedEmail email) {
        sender.send(build(email));
    }

    /**
     * Sends several emails over one SMTP connection (connecting and EHLO per email would cost more than the
     * email). Each email gets its own outcome: a message the server refused does not fail the others.
     *
     * @return the failure of each email that was not accepted, by key; absent keys were accepted
     */
    public java.util.Map<String, Exception> sendAll(java.util.List<ClaimedEmail> emails) {
        java.util.Map<String, Exception> failures = new java.util.HashMap<>();
        java.util.Map<MimeMessage, String> keys = new java.util.IdentityHashMap<>();
        java.util.List<MimeMessage> messages = new java.util.ArrayList<>();
        for (ClaimedEmail email : emails) {
            try {
                MimeMessage message = build(email);
                keys.put(message, email.key());
                messages.add(message);
            } catch (MailException e) {
                failures.put(email.key(), e);
            }
        }
        if (messages.isEmpty()) {
            return failures;
        }
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (org.springframework.mail.MailSendException e) {
            if (e.getFailedMessages().isEmpty()) {
                keys.values().forEach(key -> failures.put(key, e));
            }
            e.getFailedMessages().forEach((message, failure) -> {
                String key = keys.get(message);
                if (key != null) {
                    failures.put(key, failure);
                }
            });
        } catch (MailException e) {
            keys.values().forEach(key -> failures.put(key, e)); // e.g. authentication: nothing was sent
        }
        return failures;
    }

    MimeMessage build(ClaimedEmail email) {
        try {
            MimeMessage message = sender.createMimeMessage();
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
            // JavaMailSenderImpl keeps a Message-ID set before sending (saveChanges would make a random one).
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
