package org.outward.stack.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the web module's own copy, installed by its npm ci) run in the page: the WCAG 2.0, 2.1 and 2.2 A and AA
 * rules. The script is injected through the driver, which the page's Content-Security-Policy does not govern.
 */
final class Axe {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + String.join(" | ", targets);
        }
    }

    private static String source;

    private Axe() {
    }

    static synchronized String source() {
        if (source == null) {
            Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
            Path file = root.resolve("web/node_modules/axe-core/axe.min.js");
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(file + " is missing: the web module's npm ci installs it", e);
            }
        }
        return source;
    }

    @SuppressWarnings("unchecked")
    static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(source());
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' ')) }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
                """, TAGS);
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            violations.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (List<String>) v.get("targets")));
        }
        return violations;
    }
}
