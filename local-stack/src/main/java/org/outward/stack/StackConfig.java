package org.outward.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where everything of the local stack lives. Infrastructure given in the environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code SMTP_HOST}/{@code SMTP_PORT}) is used as it is;
 * otherwise the stack starts its own on the ports below.
 *
 * @param root            repository root (the services' jars are under {@code <module>/target})
 * @param dataDir         Kafka log dirs, the MongoDB file and the process logs
 * @param externalKafka   bootstrap servers to use instead of starting a broker, or null
 * @param externalMongo   MongoDB URI to use instead of starting a wire server, or null
 * @param externalSmtpHost SMTP host to use instead of starting the catcher, or null
 * @param identityPort    the development identity provider (issuer http://localhost:identityPort)
 * @param serviceJavaOpts JVM options of each service process
 * @param serviceEnv      further environment of every service process (tests tune timeouts with it)
 */
public record StackConfig(
        Path root,
        Path dataDir,
        int gatewayPort,
        int catalogPort,
        int notesPort,
        int notificationPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int mailViewerPort,
        int identityPort,
        String externalKafka,
        String externalMongo,
        String externalSmtpHost,
        String serviceJavaOpts,
        boolean loadDemoData,
        Map<String, String> serviceEnv) {

    public StackConfig {
        serviceEnv = Map.copyOf(serviceEnv);
    }

    static final String DEFAULT_JAVA_OPTS = "-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    /** The stack a person runs: fixed, documented ports; data kept in {@code <root>/.data}. */
    public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
        return new StackConfig(root,
                Path.of(env.getOrDefault("OUTWARD_DATA_DIR", root.resolve(".data").toString())),
                8080, 8081, 8082, 8083, 9092, 9093, 27017,
                intOr(env.get("SMTP_PORT"), 1025), 8025, 9000,
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("MONGODB_URI")),
                blankToNull(env.get("SMTP_HOST")),
                env.getOrDefault("OUTWARD_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS),
                true, Map.of());
    }

    /** A private stack for a test: every port free, data in a folder of the test's own. */
    public static StackConfig forTests(Path root, Path dataDir) {
        return new StackConfig(root, dataDir, freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), freePort(), null, null, null, DEFAULT_JAVA_OPTS, true, Map.of());
    }

    public StackConfig withExternal(String kafka, String mongo) {
        return new StackConfig(root, dataDir, gatewayPort, catalogPort, notesPort, notificationPort, kafkaPort,
                kafkaControllerPort, mongoPort, smtpPort, mailViewerPort, identityPort, kafka, mongo, externalSmtpHost,
                serviceJavaOpts, loadDemoData, serviceEnv);
    }

    public StackConfig withServiceEnv(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(serviceEnv);
        all.putAll(env);
        return new StackConfig(root, dataDir, gatewayPort, catalogPort, notesPort, notificationPort, kafkaPort,
                kafkaControllerPort, mongoPort, smtpPort, mailViewerPort, identityPort, externalKafka, externalMongo,
                externalSmtpHost, serviceJavaOpts, loadDemoData, all);
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String mailViewerUrl() {
        return "http://localhost:" + mailViewerPort;
    }

    public String identityUrl() {
        return "http://localhost:" + identityPort;
    }

    public String kafkaBootstrap() {
        return externalKafka != null ? externalKafka : "localhost:" + kafkaPort;
    }

    public String mongoUri() {
        return externalMongo != null ? externalMongo : "mongodb://127.0.0.1:" + mongoPort;
    }

    public String smtpHost() {
        return externalSmtpHost != null ? externalSmtpHost : "127.0.0.1";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static int intOr(String value, int fallback) {
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
