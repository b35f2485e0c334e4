package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Started outside the local stack with the development unsubscribe secret (or none), the real service refuses to
 * run, with one clear ERROR line and no stack trace, before it connects to anything. The service's own main class
 * runs in a fresh JVM, as an operator would start it.
 */
class DevelopmentSecretRefusalTest {

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run start(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", NotificationApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OUTWARD_"));
        builder.environment().put("OUTWARD_LOCAL_STACK", "false"); // this module's tests otherwise run as local
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8).lines().toList());
    }

    private static void assertRefusedInOneLine(Run run, String why) {
        assertThat(run.exitCode()).as(String.join("\n", run.lines())).isNotZero();
        List<String> errors = run.lines().stream().filter(line -> line.contains("ERROR")).toList();
        assertThat(errors).as(String.join("\n", run.lines())).hasSize(1);
        assertThat(errors.get(0)).contains("notification-service refuses to start",
                "OUTWARD_UNSUBSCRIBE_SECRET (outward.unsubscribe.secret) " + why, "OUTWARD_LOCAL_STACK=true");
        assertThat(run.lines()).as("no stack trace").noneMatch(line -> line.startsWith("\tat ")
                || line.contains("Exception") || line.contains("APPLICATION FAILED TO START"));
    }

    @Test
    void theDevelopmentSecretIsRefusedOutsideTheLocalStack() throws Exception {
        assertRefusedInOneLine(start(Map.of()), "has its development value");
        assertRefusedInOneLine(start(Map.of("OUTWARD_UNSUBSCRIBE_SECRET", "dev-only-unsubscribe-secret-change-me")),
                "has its development value");
    }

    @Test
    void aBlankSecretIsRefused() throws Exception {
        assertRefusedInOneLine(start(Map.of("OUTWARD_UNSUBSCRIBE_SECRET", " ")), "is not set");
    }
}
