package org.outward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.notification.support.FreePort;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestClock;
import org.outward.platform.test.TcpProxy;
import org.outward.platform.test.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The email sender's exactly-once rules against a real SMTP server (GreenMail) and the MongoDB wire server,
 * without a Spring context so that no background sender interferes: a sender whose claim was taken over never
 * sends; an email handed to the server whose outcome was never recorded is settled as sent, never sent again; the
 * sender reuses its SMTP connections and sends over as many in parallel as configured.
 */
class DeliveryFencingTest {

    private static final int SMTP_PORT = FreePort.next();
    private static final Duration LEASE = Duration.ofMinutes(5);

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(true);

    private final TestClock clock = new TestClock();
    private MongoTemplate mongo;
    private EmailOutbox outbox;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void setUp() {
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(TestMongo.uniqueUri());
        mongo = new MongoTemplate(factory);
        outbox = new EmailOutbox(mongo, clock, org.outward.platform.observability.TraceContexts.none());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aSenderWhoseClaimWasTakenOverNeverSends() {
        SmtpMailer mailer = mailer(SMTP_PORT, 1);
        String key = enqueue();
        ClaimedEmail first = single(outbox.claimDue(LEASE, 10));
        // The first sender stalls past its lease (a slow server, a long pause); a second one claims the email.
        clock.advance(LEASE.plusSeconds(1));
        ClaimedEmail second = single(outbox.claimDue(LEASE, 10));
        assertThat(second.claimToken()).isNotEqualTo(first.claimToken());

        // The first sender wakes up and goes on: the fence stops it before the final dot.
        SmtpMailer.Result late = mailer.send(first, () -> outbox.commit(first, LEASE));
        assertThat(late.outcome()).isEqualTo(SmtpMailer.Outcome.FENCED);
        assertThat(mail.getReceivedMessages()).isEmpty();

        SmtpMailer.Result owner = mailer.send(second, () -> outbox.commit(second, LEASE));
        assertThat(owner.outcome()).isEqualTo(SmtpMailer.Outcome.ACCEPTED);
        assertThat(outbox.markSent(second, false)).isTrue();
        assertThat(outbox.markSent(first, false)).isFalse();
        assertThat(keys(mail.getReceivedMessages())).containsExactly(key);
    }

    @Test
    void anEmailCommittedByASenderThatDiedIsSettledAsSentAndNeverSentAgain() {
        String key = enqueue();
        ClaimedEmail claimed = single(outbox.claimDue(LEASE, 10));
        // The sender passed the fence (the server may now have it) and died before recording the outcome.
        assertThat(outbox.commit(claimed, LEASE)).isTrue();
        clock.advance(LEASE.plusSeconds(1));

        assertThat(outbox.claimDue(LEASE, 10)).isEmpty();
        assertThat(outbox.settleInDoubt()).isEqualTo(1);
        Document stored = mongo.findById(key, Document.class, EmailOutbox.COLLECTION);
        assertThat(stored.getString("status")).isEqualTo("SENT");
        assertThat(stored.getBoolean("inDoubt")).isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(outbox.claimDue(LEASE, 10)).isEmpty();
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSenderThatDiedBeforeTheFenceLeavesTheEmailToTheNextOneWhichSendsItOnce() {
        SmtpMailer mailer = mailer(SMTP_PORT, 1);
        String key = enqueue();
        single(outbox.claimDue(LEASE, 10)); // claimed, then the sender died before the dot
        assertThat(outbox.claimDue(LEASE, 10)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));

        ClaimedEmail retried = single(outbox.claimDue(LEASE, 10));
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(mailer.send(retried, () -> outbox.commit(retried, LEASE)).outcome())
                .isEqualTo(SmtpMailer.Outcome.ACCEPTED);
        assertThat(keys(mail.getReceivedMessages())).containsExactly(key);
    }

    @Test
    void theSenderReusesItsConnectionsAndSendsOverSeveralInParallel() throws Exception {
        TcpProxy proxy = new TcpProxy(TcpProxy.freePort(), "127.0.0.1", SMTP_PORT);
        proxy.start();
        closing.add(proxy);
        int connections = 3;
        SmtpConnections pool = connections(proxy.port(), connections);
        DeliveryProperties properties = properties(connections);
        DeliveryWorker worker = new DeliveryWorker(outbox, new SmtpMailer(pool, properties, clock), pool, properties,
                List.of(), new org.outward.notification.recipient.RosterReadModel(mongo), clock,
                new DeliveryMetrics(mongo, clock), org.outward.platform.observability.TraceContexts.none());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(enqueue());
        }
        worker.start();
        closing.add(0, worker::stop);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(org.springframework.data.mongodb.core.query
                .Query.query(org.springframework.data.mongodb.core.query.Criteria.where("status").is("SENT")),
                EmailOutbox.COLLECTION) == keys.size());

        Map<String, Long> perKey = Arrays.stream(mail.getReceivedMessages())
                .collect(Collectors.groupingBy(Mailbox::key, Collectors.counting()));
        assertThat(perKey).hasSize(keys.size()).containsOnlyKeys(keys).allSatisfy((k, n) -> assertThat(n).isOne());
        // One connection per sender thread, kept for all its emails (not one per email, nor per batch).
        assertThat(proxy.accepted()).isBetween(1, connections);
    }

    private String enqueue() {
        String key = UUID.randomUUID() + ":member-1";
        assertThat(outbox.enqueue(new OutgoingEmail(key, "test", "member-1", "ana@example.org", "Ana",
                "Subject " + key, "text", "<p>html</p>", null, null))).isTrue();
        return key;
    }

    private SmtpMailer mailer(int port, int connections) {
        return new SmtpMailer(connections(port, connections), properties(connections), clock);
    }

    private SmtpConnections connections(int port, int connections) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties props = new Properties();
        props.setProperty("mail.smtp.connectiontimeout", "5000");
        props.setProperty("mail.smtp.timeout", "15000");
        props.setProperty("mail.smtp.writetimeout", "15000");
        sender.setJavaMailProperties(props);
        SmtpConnections pool = new SmtpConnections(sender, properties(connections));
        closing.add(pool::destroy);
        return pool;
    }

    private static DeliveryProperties properties(int connections) {
        return new DeliveryProperties(null, null, true, Duration.ofMillis(100), LEASE, Duration.ofMillis(200),
                Duration.ofSeconds(1), 10, 10, connections, Duration.ofSeconds(30));
    }

    private static ClaimedEmail single(List<ClaimedEmail> claimed) {
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static List<String> keys(MimeMessage[] messages) {
        return Arrays.stream(messages).map(Mailbox::key).collect(Collectors.toList());
    }

}
