package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Boots a local stack on free ports and runs bench/gateway-vs-direct.sh against it (the script itself is what a
 * person runs against {@code mvn -Pstack package}). Never part of mvn verify; run with
 * {@code mvn -pl local-stack -am verify -DskipITs -Dgroups=bench -DexcludedGroups=none -Dtest=GatewayBenchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbench.runs="10 50 3;10 1 3"} (the script's arguments, one run
 * each, the default), {@code -Dbench.jfr} (a JFR recording of the production-flags gateway), {@code -Dbench.hold}
 * (only boot the stack and keep it up, see {@link #hold}).
 */
@Tag("bench")
class GatewayBenchTest {

    @Test
    void gatewayVersusDirect() throws Exception {
        Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("outward-bench");
        try (LocalStack stack = new LocalStack(StackConfig.forTests(root, data))) {
            stack.start();
            StackConfig config = stack.config();
            if (System.getProperty("bench.hold") != null) {
                hold(config);
                return;
            }
            for (String args : System.getProperty("bench.runs", "10 50 3;10 1 3").split(";")) {
                List<String> command = new ArrayList<>(List.of("bash", root.resolve("bench/gateway-vs-direct.sh").toString()));
                command.addAll(List.of(args.trim().split("\\s+")));
                Path output = Path.of("target", "gateway-bench-" + args.trim().replace(' ', '-') + ".txt");
                ProcessBuilder script = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                script.environment().put("GATEWAY", config.gatewayUrl());
                script.environment().put("CATALOG", "http://localhost:" + config.catalogPort());
                script.environment().put("IDP", config.identityUrl());
                script.environment().put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
                script.environment().put("MONGODB_URI", config.mongoUri());
                script.environment().put("DATA_DIR", config.dataDir().toString());
                script.environment().put("PORT_BASE", String.valueOf(threeFreePorts()));
                if (System.getProperty("bench.jfr") != null) {
                    script.environment().put("JFR", "1");
                }
                int exit = script.start().waitFor();
                System.out.println(Files.readString(output));
                assertThat(exit).as("bench/gateway-vs-direct.sh " + args + ", output in " + output).isZero();
            }
        }
    }

    /**
     * For profiling by hand: writes the stack's addresses to target/bench-stack.env (source it, then run the script)
     * and keeps the stack up until that file is deleted.
     */
    private static void hold(StackConfig config) throws Exception {
        Path env = Path.of("target", "bench-stack.env").toAbsolutePath();
        Files.writeString(env, "export GATEWAY=" + config.gatewayUrl() + " CATALOG=http://localhost:" + config.catalogPort()
                + " IDP=" + config.identityUrl() + " KAFKA_BOOTSTRAP_SERVERS=" + config.kafkaBootstrap()
                + " MONGODB_URI=" + config.mongoUri() + " DATA_DIR=" + config.dataDir() + "\n");
        while (Files.exists(env)) {
            Thread.sleep(1000);
        }
    }

    private static int threeFreePorts() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket socket = new ServerSocket(0)) {
                base = socket.getLocalPort();
            }
            if (base < 65000 && free(base + 1) && free(base + 2) && free(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no three free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
