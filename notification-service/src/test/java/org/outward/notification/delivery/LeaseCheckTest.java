package org.outward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A sender's lease must outlast the worst time one email can take with the SMTP timeouts, or a slow server would
 * let a second sender take an email the first is still sending: refused at start, not discovered in production.
 */
class LeaseCheckTest {

    private static SmtpConnections connections(long connectMs, long readMs, long writeMs, DeliveryProperties props) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties mail = new Properties();
        mail.setProperty("mail.smtp.connectiontimeout", Long.toString(connectMs));
        mail.setProperty("mail.smtp.timeout", Long.toString(readMs));
        mail.setProperty("mail.smtp.writetimeout", Long.toString(writeMs));
        sender.setJavaMailProperties(mail);
        return new SmtpConnections(sender, props);
    }

    private static DeliveryProperties lease(Duration lease) {
        return new DeliveryProperties(null, null, false, null, lease, null, null, null, null, null, null);
    }

    @Test
    void theWorstCaseIsConnectPlusSixRepliesPlusTheWrite() {
        assertThat(connections(5_000, 30_000, 30_000, lease(null)).worstCaseSend()).isEqualTo(Duration.ofSeconds(215));
    }

    @Test
    void aLeaseNoLongerThanTheWorstCaseIsRefusedAtStart() {
        DeliveryProperties tooShort = lease(Duration.ofSeconds(215));
        SmtpConnections smtp = connections(5_000, 30_000, 30_000, tooShort);
        assertThatThrownBy(() -> new DeliveryWorker(null, null, smtp, tooShort, List.of(), null, Clock.systemUTC(), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outward.mail.lease");
    }

    @Test
    void theDefaultLeaseOutlastsTheDefaultTimeouts() {
        DeliveryProperties defaults = lease(null);
        SmtpConnections smtp = connections(5_000, 30_000, 30_000, defaults);
        assertThat(new DeliveryWorker(null, null, smtp, defaults, List.of(), null, Clock.systemUTC(), null, null)).isNotNull();
    }

    @Test
    void timeoutsMustBeSetOrAHungServerHoldsASendForever() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        assertThatThrownBy(() -> new SmtpConnections(sender, lease(null)).worstCaseSend())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mail.smtp.timeout");
    }
}
