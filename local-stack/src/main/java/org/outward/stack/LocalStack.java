package org.outward.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine, no Docker: Kafka broker process, MongoDB wire server, SMTP catcher, the
 * four services as JVMs of their own, demo data. {@link #main} runs it until Ctrl-C; tests use
 * {@link #start()} and {@link #close()}. Stopping goes in reverse: gateway and services first (they may
 * still write), then Kafka, MongoDB and the mail catcher.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(240);

    private final StackConfig config;
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private MailCatcher mail;
    private final List<ServiceProcess> services = new ArrayList<>();
    private DemoData.Summary demo;

    public LocalStack(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("outward.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackConfig.fromEnvironment(root, System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.say("stopping ...");
            stack.close();
            Console.say("stopped");
            stopped.countDown();
        }, "stack-stop"));
        long started = System.nanoTime();
        try {
            stack.start();
        } catch (Exception e) {
            Console.say("start failed: %s", e.getMessage());
            System.exit(1);
        }
        stack.printBanner(Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(config.dataDir());
        if (config.externalKafka() == null) {
            requireFree(config.kafkaPort(), "Kafka");
            requireFree(config.kafkaControllerPort(), "Kafka controller");
        }
        if (config.externalMongo() == null) {
            requireFree(config.mongoPort(), "MongoDB");
        }
        if (config.externalSmtpHost() == null) {
            requireFree(config.smtpPort(), "SMTP");
            requireFree(config.mailViewerPort(), "mail viewer");
        }
        for (int port : List.of(config.gatewayPort(), config.catalogPort(), config.notesPort(), config.notificationPort(),
                config.identityPort())) {
            requireFree(port, "service");
        }
        startInfrastructure();
        startServices();
        if (config.loadDemoData()) {
            demo = new DemoData(config.gatewayUrl(), config.identityUrl()).load();
            Console.say("demo data: %d created, %d already there", demo.created(), demo.existing());
        }
    }

    private void startInfrastructure() throws IOException, InterruptedException {
        if (config.externalMongo() == null) {
            mongo = new MongoWireServer(config.dataDir(), config.mongoPort());
            mongo.start();
            Console.say("MongoDB wire server on %s (data: %s)", config.mongoUri(), mongo.file());
        } else {
            Console.say("MongoDB: using MONGODB_URI");
        }
        if (config.externalSmtpHost() == null) {
            mail = new MailCatcher(config.smtpPort(), config.mailViewerPort());
            mail.start();
            Console.say("SMTP catcher on 127.0.0.1:%d, mail viewer on %s", config.smtpPort(), config.mailViewerUrl());
        } else {
            Console.say("SMTP: using SMTP_HOST %s:%d", config.externalSmtpHost(), config.smtpPort());
        }
        if (config.externalKafka() == null) {
            kafka = new KafkaBroker(config);
            Console.say("starting Kafka broker on %s ...", config.kafkaBootstrap());
            kafka.start();
            Console.say("Kafka ready");
        } else {
            Console.say("Kafka: using KAFKA_BOOTSTRAP_SERVERS %s", config.externalKafka());
        }
    }

    private void startServices() throws IOException, InterruptedException {
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        common.put("MONGODB_URI", config.mongoUri());
        common.put("SMTP_HOST", config.smtpHost());
        common.put("SMTP_PORT", String.valueOf(config.smtpPort()));
        common.put("WEB_BASE_URL", config.gatewayUrl());
        common.put("CATALOG_URL", "http://localhost:" + config.catalogPort());
        common.put("NOTES_URL", "http://localhost:" + config.notesPort());
        common.put("NOTIFICATION_URL", "http://localhost:" + config.notificationPort());
        common.put("OUTWARD_JWT_ISSUER", config.identityUrl());
        common.put("OUTWARD_JWT_JWK_SET_URI", config.identityUrl() + "/oauth2/jwks");
        common.put("OUTWARD_IDP_KEY_FILE", config.dataDir().resolve("identity").resolve("signing-key.json").toString());
        // This is the local stack: its development secrets (unsubscribe secret, dev password) are allowed here only.
        common.put("OUTWARD_LOCAL_STACK", "true");
        Console.say("starting services (logs in %s) ...", config.dataDir().resolve("logs"));
        start("catalog-service", config.catalogPort(), common);
        start("notes-service", config.notesPort(), common);
        start("notification-service", config.notificationPort(), common);
        start("gateway", config.gatewayPort(), common);
        start("dev-identity", config.identityPort(), common);
        for (ServiceProcess service : services) {
            service.awaitReady(SERVICE_START_TIMEOUT);
            Console.say("%s ready on port %d (pid %d)", service.name(), service.port(), service.process().pid());
        }
    }

    private void start(String module, int port, Map<String, String> common) throws IOException {
        Map<String, String> env = new HashMap<>(common);
        env.put("SERVER_PORT", String.valueOf(port));
        services.add(ServiceProcess.start(config, module, port, env));
    }

    public StackConfig config() {
        return config;
    }

    public DemoData.Summary demo() {
        return demo;
    }

    /** The emails the stack's catcher received (empty when an external SMTP server is used). */
    public List<Map<String, Object>> emails() {
        return mail == null ? List.of() : mail.messages();
    }

    /** The emails the stack's catcher received, each in full (raw, every header, every part decoded). */
    List<MailCatcher.Caught> caughtEmails() {
        return mail == null ? List.of() : mail.caught();
    }

    /** Process ids of the JVMs this stack started (services and Kafka), for measuring memory. */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        services.forEach(s -> pids.add(s.process().pid()));
        if (kafka != null) {
            pids.add(kafka.pid());
        }
        return pids;
    }

    private void printBanner(Duration took) {
        String g = config.gatewayUrl();
        System.out.println();
        System.out.println("  Outward is up (started in " + took.toSeconds() + " s). Ctrl-C stops everything.");
        System.out.println();
        System.out.println("  Gateway (the API):   " + g);
        System.out.println("  Mail viewer:         " + (mail != null ? config.mailViewerUrl() : "(external SMTP)"));
        System.out.println("  Sign-in (dev):       " + config.identityUrl() + "  (any roster email, password "
                + DemoData.DEV_PASSWORD + ")");
        System.out.println("  Kafka:               " + config.kafkaBootstrap());
        System.out.println("  MongoDB:             " + config.mongoUri());
        System.out.println("  Logs and data:       " + config.dataDir());
        System.out.println();
        System.out.println("  Try (a token for the demo staff user, then the API):");
        System.out.println("    TOKEN=$(curl -s " + config.identityUrl() + "/dev/token -H 'Accept: text/plain' -d username="
                + DemoData.STAFF_EMAIL + " -d password=" + DemoData.DEV_PASSWORD + ")");
        System.out.println("    curl -s " + g + "/api/catalog/webinars -H \"Authorization: Bearer $TOKEN\"");
        System.out.println("    curl -s -X POST " + g + "/api/catalog/webinars -H \"Authorization: Bearer $TOKEN\" \\");
        System.out.println("      -H 'Content-Type: application/json' \\");
        System.out.println("      -d '{\"title\":\"Our first webinar\",\"slug\":\"our-first-webinar\",\"summary\":\"Hello\","
                + "\"topics\":[\"demo\"],\"seriesPosition\":5,\"durationMinutes\":45}'");
        System.out.println("    curl -s -X POST " + g + "/api/catalog/webinars/<id>/publish -H \"Authorization: Bearer $TOKEN\"");
        System.out.println("  then open " + (mail != null ? config.mailViewerUrl() : "your mail catcher")
                + " to read the emails it sent.");
        System.out.println();
        System.out.flush();
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " (" + what + ") is in use: is another stack running?");
        }
    }

    @Override
    public void close() {
        // Gateway first (no new requests), then the services, in parallel: each drains and exits on SIGTERM.
        List<Thread> stops = new ArrayList<>();
        List<ServiceProcess> stopOrder = new ArrayList<>(services);
        java.util.Collections.reverse(stopOrder);
        for (ServiceProcess service : stopOrder) {
            Thread stop = new Thread(() -> service.process().stop(Duration.ofSeconds(30)), "stop-" + service.name());
            stop.start();
            stops.add(stop);
        }
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (mail != null) {
            mail.close();
        }
    }
}
