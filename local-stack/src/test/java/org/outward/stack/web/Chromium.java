package org.outward.stack.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium (Debian's chromium and chromium-driver), never a downloaded browser: the browser
 * tests run where both are installed (.ci/run installs them) and are skipped with one clear line elsewhere.
 * Put first in {@code @ExtendWith} so a skipped class does not boot the stack.
 */
public final class Chromium implements ExecutionCondition {

    static final Path BROWSER = Path.of(System.getProperty("outward.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("outward.chromedriver", "/usr/bin/chromedriver"));

    static boolean available() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (available()) {
            return ConditionEvaluationResult.enabled("Chromium at " + BROWSER);
        }
        String reason = "browser tests skipped: no " + BROWSER + " and " + DRIVER
                + " (apt-get install chromium chromium-driver)";
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /**
     * A fresh headless Chromium: its own profile folder, no network of its own (no updates, sync, QUIC or
     * background calls), the given interface language and window size; {@code extraArguments} for a caller that
     * needs more (the Lighthouse bench opens a remote-debugging port).
     */
    static ChromeDriver start(Path profile, String language, int width, int height, String... extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--lang=" + language, "--window-size=" + width + "," + height));
        options.addArguments(extraArguments);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        // The page's console, for the message of a failed wait.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(90));
        return driver;
    }
}
