package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * notes-service's resident memory (RSS) in a local stack of its own (free ports), when idle after start and after
 * it computed themes for 30 notes uploaded through the gateway, plus the size of its jar. Run it once per build to
 * compare (e.g. main's jars and a branch's): {@code -Doutward.root=<checkout with built jars>}. Prints and writes
 * {@code target/bench/notes-rss.txt}; no assertion on the figures. Run:
 * {@code mvn -pl local-stack -am verify -Dtest=NotesServiceMemoryBenchTest -Dgroups=bench -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}
 */
@Tag("bench")
class NotesServiceMemoryBenchTest {

    @Test
    void residentMemoryOfNotesService() throws Exception {
        Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
        Path notesDir = Path.of("..", "notes-service", "src", "test", "resources", "themes-eval", "notes");
        StringBuilder report = new StringBuilder("root: " + root + "\n");
        Path jar = root.resolve("notes-service/target/notes-service.jar");
        report.append(String.format(Locale.ROOT, "notes-service.jar: %.1f MB%n", Files.size(jar) / 1e6));
        try (LocalStack stack = new LocalStack(StackConfig.forTests(root, Files.createTempDirectory("outward-rss")))) {
            stack.start();
            long pid = stack.childPids().stream().filter(p -> ProcessHandle.of(p).flatMap(h -> h.info().commandLine())
                    .orElse("").contains("notes-service")).findFirst().orElseThrow();
            Thread.sleep(20_000);
            report.append(String.format(Locale.ROOT, "RSS idle after start: %d MB%n", rssMb(pid)));

            Http gateway = new Http(stack.config().gatewayUrl()).withToken(Http.devToken(stack.config().identityUrl(),
                    "pat.rivera@outward.example", DemoData.DEV_PASSWORD));
            JsonNode cohort = DemoData.items(gateway.get("/api/catalog/cohorts?slug=demo-cohort-2026").body()).get(0);
            String cohortId = cohort.get("id").asString();
            String libraryId = DemoData.items(gateway.get("/api/catalog/cohorts/" + cohortId + "/libraries").body())
                    .stream().filter(l -> l.get("name").asString().equals("Riverbend Public Library")).findFirst()
                    .orElseThrow().get("id").asString();
            String token = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Http.devToken(
                    stack.config().identityUrl(), "alex.moreno@riverbend-library.example", DemoData.DEV_PASSWORD),
                    t -> t != null);
            Http member = new Http(stack.config().gatewayUrl()).withToken(token);
            List<Path> files;
            try (Stream<Path> list = Files.list(notesDir)) {
                files = list.sorted().limit(30).toList();
            }
            for (Path file : files) {
                String text = Files.readString(file);
                String body = text.substring(text.indexOf("\n---\n") + 5);
                Http.Response created = member.post("/api/notes", Map.of("libraryId", libraryId, "cohortId", cohortId,
                        "title", file.getFileName().toString(), "body", body,
                        "conversationDate", LocalDate.now().minusDays(3).toString(), "place", "Main branch",
                        "facilitator", "Alex Moreno", "visibility", "cohort"));
                assertThat(created.status()).isEqualTo(201);
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                JsonNode view = member.get("/api/notes/themes/cohort?cohortId=" + cohortId).body();
                return view.get("noteCount").asInt() >= files.size() && !view.get("themes").isEmpty();
            });
            Thread.sleep(10_000);
            report.append(String.format(Locale.ROOT, "RSS after themes of %d uploaded notes: %d MB%n", files.size(),
                    rssMb(pid)));
        }
        System.out.print(report);
        Path out = Path.of("target", "bench", "notes-rss.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
