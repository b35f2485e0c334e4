package org.outward.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.notification.support.FreePort;
import org.outward.notification.support.TestClock;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context (and one in-process broker, one GreenMail) shared by the integration test classes
 * that extend this: real HTTP on a random port, Kafka, the MongoDB wire server, SMTP, and a clock the tests
 * move forward. The digest and reminder schedulers are off: tests run them at the instants they choose.
 * Test classes keep to their own cohorts and members, so they never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "outward.web.base-url=https://outward.example/",
        "outward.unsubscribe.base-url=https://outward.example",
        "outward.unsubscribe.requests-per-minute=40",
        "outward.digest.scheduler-enabled=false",
        "outward.reminders.scheduler-enabled=false",
        "outward.mail.poll-interval=100ms",
        "outward.mail.initial-backoff=200ms",
        "outward.mail.max-backoff=1s"})
@EmbeddedKafka(partitions = 1)
@Import(ServiceTest.ClockConfiguration.class)
public abstract class ServiceTest {

    static final int SMTP_PORT = FreePort.next();

    @RegisterExtension
    protected static final GreenMailExtension mail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @TestConfiguration
    static class ClockConfiguration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        /**
         * The in-memory MongoDB server stops in its own JVM shutdown hook, possibly before this context closes:
         * do not let the background sender wait the default 30 s for it then.
         */
        @Bean
        MongoClientSettingsBuilderCustomizer shortServerSelection() {
            return builder -> builder.applyToClusterSettings(cluster ->
                    cluster.serverSelectionTimeout(2, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected Clock clock;
    @LocalServerPort
    protected int port;

    protected TestClock testClock() {
        return (TestClock) clock;
    }
}
