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

    /** How long a service may take to become ready; -Doutward.stack.start-timeout-seconds on a crowded machine. */
    private static final Duration SERVICE_START_TIMEOUT =
            Duration.ofSeconds(Long.getLong("outward.stack.start-timeout-seconds", 240));

    private final StackConfig config;
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private MailCatcher mail;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** What every service JVM gets: the common settings, then those added by {@link #withServiceEnvironment}. */
    private final Map<String, String> serviceEnv = new HashMap<>();
    private final Map<String, String> extraEnvironment = new HashMap<>();
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

    /**
     * Adds an environment variable to every service JVM this stack starts (before {@link #start()}); e.g. the
     * OTLP endpoint of a trace collector.
     */
    public LocalStack withServiceEnvironment(String name, String value) {
        extraEnvironment.put(name, value);
        return this;
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
            mongo = new MongoWireServer(config);
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
        Map<String, String> common = serviceEnv;
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
        // The gateway signs browsers in as a confidential client of dev-identity: both get the same secret.
        common.put("OUTWARD_WEB_CLIENT_SECRET", webClientSecret());
        common.putAll(extraEnvironment);
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

    /**
     * The gateway's client secret at dev-identity: random, made on the first start and kept with the data (like
     * the signing key), so sessions survive a restart of the stack.
     */
    private String webClientSecret() throws IOException {
        Path file = config.dataDir().resolve("identity").resolve("web-client-secret");
        if (Files.isRegularFile(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String secret = java.util.HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, secret);
        return secret;
    }

    /**
     * One more gateway instance on a free port, with the same settings as the first (same session store): for
     * tests of what several instances share. It stops with the stack.
     */
    public String startAnotherGateway() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return startAnother("gateway", port, Map.of());
    }

    /**
     * One more instance of a module on the given port, with the stack's settings plus {@code overrides}: for tests
     * that need one process configured differently (e.g. a dev-identity with short token lifetimes and a gateway
     * that signs in there). It stops with the stack.
     */
    public String startAnother(String module, int port, Map<String, String> overrides)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.putAll(config.serviceEnv());
        env.putAll(overrides);
        env.put("SERVER_PORT", String.valueOf(port));
        ServiceProcess process = ServiceProcess.start(config, module, module + "-" + port, port, env);
        services.add(process);
        process.awaitReady(SERVICE_START_TIMEOUT);
        Console.say("another %s ready on port %d (pid %d)", module, port, process.process().pid());
        return "http://localhost:" + port;
    }

    private void start(String module, int port, Map<String, String> common) throws IOException {
        services.add(startService(module, port, common));
    }

    private ServiceProcess startService(String module, int port, Map<String, String> common) throws IOException {
        Map<String, String> env = new HashMap<>(common);
        env.put("SERVER_PORT", String.valueOf(port));
        env.putAll(config.serviceEnv());
        return ServiceProcess.start(config, module, port, env);
    }

    /** The parts the fault tests kill and start again: the broker, the MongoDB server, each service. */
    public static final String KAFKA = "kafka";
    public static final String MONGO = "mongo";

    /**
     * {@code kill -9} of one part of the stack: {@value #KAFKA}, {@value #MONGO} or a service module
     * ({@code notes-service}, ...). Nothing of it runs any more until {@link #restart(String)}.
     */
    public void kill(String part) {
        switch (part) {
            case KAFKA -> kafka.kill();
            case MONGO -> mongo.kill();
            default -> service(part).process().kill();
        }
    }

    /** Starts a killed part again on the same ports and data, and waits until it is ready. */
    public void restart(String part) throws IOException, InterruptedException {
        switch (part) {
            case KAFKA -> kafka.start();
            case MONGO -> mongo.start();
            default -> {
                ServiceProcess old = service(part);
                if (old.process().isAlive()) {
                    throw new IllegalStateException(part + " is still running");
                }
                ServiceProcess started = startService(part, old.port(), serviceEnv);
                services.set(services.indexOf(old), started);
                started.awaitReady(SERVICE_START_TIMEOUT);
            }
        }
        Console.say("%s restarted", part);
    }

    private ServiceProcess service(String module) {
        return services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such part of the stack: " + module));
    }

    /**
     * Starts one more instance of a service (same Kafka consumer groups, same database) on a free port and waits
     * until it is ready: for showing that several instances of a service work side by side. It stops with the
     * stack, or earlier with {@link ServiceProcess#process()}{@code .stop(...)}.
     *
     * @param instance a name for its log file, e.g. {@code notes-service-2}
     * @param environment more environment variables of this instance only
     */
    ServiceProcess startInstance(String module, String instance, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.putAll(config.serviceEnv());
        env.putAll(environment);
        env.put("SERVER_PORT", String.valueOf(port));
        ServiceProcess service = ServiceProcess.start(config, module, instance, port, env);
        synchronized (services) {
            services.add(service);
        }
        service.awaitReady(SERVICE_START_TIMEOUT);
        Console.say("%s ready on port %d (pid %d)", instance, port, service.process().pid());
        return service;
    }

    /** Port of the first instance of a service this stack started. */
    int portOf(String module) {
        synchronized (services) {
            return services.stream().filter(s -> s.name().equals(module)).findFirst().orElseThrow().port();
        }
    }

    public StackConfig config() {
        return config;
    }

    public DemoData.Summary demo() {
        return demo;
    }

    /** The stack's SMTP port, to make it fail in fault tests (null when an external SMTP server is used). */
    public SmtpFaults smtp() {
        return mail == null ? null : mail.faults();
    }

    /** The emails the stack's catcher received (empty when an external SMTP server is used). */
    public List<Map<String, Object>> emails() {
        return mail == null ? List.of() : mail.messages();
    }

    /** The emails the stack's catcher received, each in full (raw, every header, every part decoded). */
    List<MailCatcher.Caught> caughtEmails() {
        return mail == null ? List.of() : mail.caught();
    }

    /** Process ids of the JVMs this stack started (services, Kafka, MongoDB), for measuring memory. */
    public List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        services.forEach(s -> pids.add(s.process().pid()));
        if (kafka != null) {
            pids.add(kafka.pid());
        }
        if (mongo != null) {
            pids.add(mongo.pid());
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
        System.out.println("  Browser sign-in:     " + g + "/bff/login  (then " + g + "/bff/user says who you are)");
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
