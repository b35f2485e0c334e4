package org.outward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/** The exceptions are built the way Angus Mail and Spring nest them when a real server answers. */
class SmtpFailuresTest {

    @Test
    void aServerThatCannotBeReachedIsTemporary() {
        MessagingException connect = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525",
                new ConnectException("Connection refused"));
        DeliveryFailure failure = SmtpFailures.classify(new MailSendException("Mail server connection failed", connect));
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).contains("Connection refused");
    }

    @Test
    void aRejectedRecipient5xxIsPermanent() throws Exception {
        SMTPAddressFailedException rejected = new SMTPAddressFailedException(new InternetAddress("gone@x.test"),
                "RCPT TO:<gone@x.test>", 550, "550 5.1.1 user unknown");
        SendFailedException invalid = new SendFailedException("Invalid Addresses", rejected);
        MailSendException wrapped = new MailSendException(Map.of(new Object(), invalid));
        DeliveryFailure failure = SmtpFailures.classify(wrapped);
        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).startsWith("SMTP 550");
    }

    @Test
    void aTemporaryRejection4xxIsRetried() {
        SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null,
                new Address[0], new Address[0], new Address[0]);
        DeliveryFailure failure = SmtpFailures.classify(new MailSendException(Map.of(new Object(), busy)));
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.reason()).startsWith("SMTP 451");
    }

    @Test
    void aMessageThatCannotBeBuiltIsPermanentButBadCredentialsAreNot() {
        assertThat(SmtpFailures.classify(new MailPreparationException("invalid address")).permanent()).isTrue();
        assertThat(SmtpFailures.classify(new MailAuthenticationException("535 auth failed")).permanent()).isFalse();
    }

    @Test
    void reasonsAreOneBoundedLine() {
        DeliveryFailure failure = new DeliveryFailure(false, "line one\r\nline two " + "x".repeat(1_000));
        assertThat(failure.reason()).doesNotContain("\n").hasSize(500).startsWith("line one line two");
    }
}
