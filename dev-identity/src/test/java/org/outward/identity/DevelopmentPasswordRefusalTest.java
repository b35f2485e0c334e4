package org.outward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Started outside the local stack with the development password every user shares ({@code outward}), the
 * development identity provider refuses to run, with one clear ERROR line and no stack trace. Its own main class
 * runs in a fresh JVM, as an operator would start it.
 */
class DevelopmentPasswordRefusalTest {

    @Test
    void theDevelopmentPasswordIsRefusedOutsideTheLocalStack() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", IdentityApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OUTWARD_"));
        builder.environment().put("OUTWARD_LOCAL_STACK", "false"); // this module's tests otherwise run as local
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .toList();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the provider stops by itself").isTrue();

        String all = String.join("\n", lines);
        assertThat(process.exitValue()).as(all).isNotZero();
        List<String> errors = lines.stream().filter(line -> line.contains("ERROR")).toList();
        assertThat(errors).as(all).hasSize(1);
        assertThat(errors.get(0)).contains("dev-identity refuses to start",
                "OUTWARD_DEV_PASSWORD (outward.identity.dev-password) has its development value");
        assertThat(lines).as("no stack trace").noneMatch(line -> line.startsWith("\tat ")
                || line.contains("Exception") || line.contains("APPLICATION FAILED TO START"));
    }
}
