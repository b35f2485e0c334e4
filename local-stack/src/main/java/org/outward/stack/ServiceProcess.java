package org.outward.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One Outward service: its Boot jar run as a JVM of its own, ready when its readiness probe says UP. */
final class ServiceProcess {

    private final String name;
    private final int port;
    private final ManagedProcess process;

    private ServiceProcess(String name, int port, ManagedProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(StackConfig config, String module, int port, Map<String, String> env)
            throws IOException {
        return start(config, module, module, port, env);
    }

    /** {@code name} names the process and its log (e.g. a second instance of a module). */
    static ServiceProcess start(StackConfig config, String module, String name, int port, Map<String, String> env)
            throws IOException {
        Path jar = config.root().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn -Pstack package does)");
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaBinary());
        command.addAll(Arrays.asList(config.serviceJavaOpts().trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        return new ServiceProcess(name, port,
                ManagedProcess.start(name, command, env, config.dataDir().resolve("logs")));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    ManagedProcess process() {
        return process;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; last lines of " + process.log()
                        + ":\n" + process.tail(60));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout + "; last lines of " + process.log()
                + ":\n" + process.tail(60));
    }
}
