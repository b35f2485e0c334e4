package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One browser of a test: the real Chromium against the stack's gateway, with the steps people take (open a link,
 * sign in at the identity provider, read the page) and the checks the tests share (axe, no JSON, no 404).
 */
final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    final String gateway;
    private final Path profile;

    private Browser(ChromeDriver driver, String gateway, Path profile) {
        this.driver = driver;
        this.gateway = gateway;
        this.profile = profile;
    }

    static Browser open(String gateway) {
        return open(gateway, "en-US", 1280, 900);
    }

    static Browser open(String gateway, String language, int width, int height, String... extraArguments) {
        try {
            Path profile = Files.createTempDirectory("outward-chromium");
            return new Browser(Chromium.start(profile, language, width, height, extraArguments), gateway, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a path of the gateway (or a full URL, such as a link from an email) and waits for the page. */
    Browser go(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : gateway + pathOrUrl);
        return settled();
    }

    /** The app has rendered a page: a heading, and nothing loading any more. */
    Browser settled() {
        waitUntil(d -> !d.findElements(By.cssSelector("h1")).isEmpty()
                && d.findElements(By.cssSelector(".loading")).isEmpty());
        return this;
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(200)).withMessage(this::describe).until(condition);
    }

    /** Where the browser is and what it shows, for the message of a failed wait. */
    String describe() {
        StringBuilder out = new StringBuilder("at ").append(driver.getCurrentUrl());
        try {
            String body = driver.findElement(By.tagName("body")).getText();
            out.append(" showing: ").append(body, 0, Math.min(600, body.length()));
            Object user = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[0];"
                    + "const timer = setTimeout(() => done('no answer in 10 s'), 10000);"
                    + "fetch('/bff/user').then(r => r.text().then(t => { clearTimeout(timer); done(r.status + ' ' + t); }))"
                    + ".catch(e => { clearTimeout(timer); done('failed: ' + e); });");
            out.append(" | /bff/user now: ").append(user);
            for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
                out.append(" | console: ").append(entry.getMessage());
            }
        } catch (RuntimeException e) {
            out.append(" (").append(e.getClass().getSimpleName()).append(')');
        }
        return out.toString().replace('\n', ' ');
    }

    String h1() {
        return read(By.cssSelector("h1"));
    }

    String text() {
        return read(By.tagName("body"));
    }

    /** The text of an element that React may replace between finding and reading it: read again then. */
    private String read(By what) {
        for (int attempt = 1;; attempt++) {
            try {
                return driver.findElement(what).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(gateway) ? url.substring(gateway.length()) : url;
    }

    /**
     * Signs in at the identity provider. Call it when the browser is on the provider's form (after the app's
     * "Sign in"); comes back to where the app sent the browser from.
     */
    Browser signInAtProvider(String email) {
        waitUntil(d -> !d.findElements(By.name("username")).isEmpty());
        assertThat(driver.getCurrentUrl()).as("the provider's sign-in form").doesNotStartWith(gateway);
        driver.findElement(By.name("username")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys("outward");
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().startsWith(gateway));
        return settled();
    }

    /** From any page of the app: its "Sign in" button, the provider's form, back to the same page. */
    Browser signIn(String email) {
        button("Sign in").click();
        return signInAtProvider(email);
    }

    /** Opens a page that needs a session: the app asks to sign in first and then shows the page. */
    Browser goSignedIn(String pathOrUrl, String email) {
        go(pathOrUrl);
        if (!driver.findElements(By.xpath("//main//button[normalize-space()='Sign in']")).isEmpty()) {
            driver.findElement(By.xpath("//main//button[normalize-space()='Sign in']")).click();
            signInAtProvider(email);
        }
        return this;
    }

    WebElement button(String name) {
        return waitUntil(d -> d.findElements(By.xpath("//button[normalize-space()=" + literal(name) + "]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    WebElement link(String name) {
        return waitUntil(d -> d.findElements(By.xpath("//a[normalize-space()=" + literal(name) + "]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** The form control labelled so (label text without the required-field star). */
    WebElement field(String label) {
        return waitUntil(d -> {
            for (WebElement l : d.findElements(By.tagName("label"))) {
                String text = l.getText().replace("*", "").trim();
                if (!text.equals(label)) {
                    continue;
                }
                String id = l.getDomAttribute("for");
                if (id != null) {
                    return d.findElement(By.id(id));
                }
                List<WebElement> inside = l.findElements(By.cssSelector("input, select, textarea"));
                if (!inside.isEmpty()) {
                    return inside.get(0);
                }
            }
            return null;
        });
    }

    void shouldBeCleanForAxe(String page) {
        List<Axe.Violation> violations = Axe.run(driver);
        assertThat(violations).as("axe (WCAG 2.2 A/AA) on " + page + " at " + path()).isEmpty();
    }

    /** A page of the app, not a JSON body, an error page of the server, or the app's own "not found". */
    void shouldShowAPage(String what) {
        String body = text().trim();
        assertThat(body).as(what + ": JSON instead of a page").doesNotStartWith("{").doesNotStartWith("[");
        assertThat(driver.findElements(By.cssSelector("header.site-header"))).as(what + ": the app's page").isNotEmpty();
        assertThat(h1()).as(what).isNotIn("Page not found", "This page could not be loaded");
    }

    void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
    }

    /** The whole page as a PNG (the window grows to the page's height for the shot). */
    void screenshot(Path file) {
        try {
            Dimension size = driver.manage().window().getSize();
            long height = ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(Math.max(height, 600), 6000)));
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Actions keys() {
        return new Actions(driver);
    }

    /** Presses Tab until the focused element satisfies the test (keyboard only; fails after 80 presses). */
    WebElement tabTo(String what, java.util.function.Predicate<WebElement> test) {
        for (int i = 0; i < 80; i++) {
            keys().sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (test.test(focused)) {
                return focused;
            }
        }
        throw new TimeoutException("Tab never reached " + what);
    }

    WebElement tabToText(String text) {
        return tabTo("'" + text + "'", e -> e.getText().trim().equals(text));
    }

    WebElement tabToLabel(String label) {
        return tabTo("the field '" + label + "'", e -> {
            String id = e.getDomAttribute("id");
            if (id == null) {
                return false;
            }
            return driver.findElements(By.cssSelector("label[for='" + id + "']")).stream()
                    .anyMatch(l -> l.getText().replace("*", "").trim().equals(label));
        });
    }

    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp folder is harmless
            }
        }
    }
}
