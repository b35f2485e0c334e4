package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.SystemStack;
import tools.jackson.databind.JsonNode;

/**
 * Whole flows driven with the keyboard only (Tab, Shift+Tab, Enter, Space, arrows; never a click): a member signs in,
 * uploads notes, edits them and deletes them through the confirmation dialog; staff reorders the series with the
 * keyboard alternative of drag and drop.
 */
@ExtendWith({Chromium.class, SystemStack.class, ThreadDumps.class})
class WebKeyboardIT {

    private static LocalStack stack;
    private static TestCohort cohort;

    @BeforeAll
    static void setUp() {
        stack = SystemStack.stack();
        cohort = TestCohort.create(stack, "Keyboard");
    }

    @Test
    void aMemberSignsInUploadsEditsAndDeletesNotesWithTheKeyboardOnly() {
        try (Browser browser = Browser.open(stack.config().gatewayUrl())) {
            browser.go("/");
            browser.tabToText("Sign in").sendKeys(Keys.ENTER);
            signInWithKeys(browser, cohort.home().memberEmail());
            assertThat(browser.h1()).isEqualTo("Hello " + cohort.home().memberName().split(" ")[0]);

            // The skip link comes first and leads past the navigation.
            browser.driver.navigate().refresh();
            browser.settled();
            browser.keys().sendKeys(Keys.TAB).perform();
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");

            browser.tabToText("Notes").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.path().equals("/notes"));
            browser.settled();
            browser.tabToText("Upload notes").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.path().equals("/notes/new"));
            browser.settled();

            String title = "Porch conversation " + UUID.randomUUID().toString().substring(0, 6);
            browser.tabToLabel("Title").sendKeys(title);
            browser.tabToLabel("Place").sendKeys("Front porch");
            browser.tabToLabel("Facilitator").sendKeys("Jamie Rivers");
            browser.tabToLabel("Notes").sendKeys("## Aspirations", Keys.ENTER, Keys.ENTER, "Neighbours want a tool library.");
            // The visibility radio group: arrows move the choice.
            WebElement shared = browser.tabTo("the visibility choice", e -> "radio".equals(e.getDomAttribute("type")));
            shared.sendKeys(Keys.ARROW_DOWN);
            assertThat(browser.driver.findElement(By.cssSelector("input[type=radio][value=private]")).isSelected()).isTrue();
            browser.tabToText("Upload").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.path().matches("/notes/[^/]+") && !browser.path().equals("/notes/new"));
            browser.settled();
            assertThat(browser.h1()).isEqualTo(title);
            assertThat(browser.text()).contains("Only your library can see this note.", "Neighbours want a tool library.");

            browser.tabToText("Edit").sendKeys(Keys.ENTER);
            WebElement titleField = browser.tabToLabel("Title");
            titleField.sendKeys(Keys.chord(Keys.CONTROL, "a"), title + " (edited)");
            browser.tabToText("Save changes").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.text().contains("Changes saved."));
            assertThat(browser.h1()).isEqualTo(title + " (edited)");

            browser.tabToText("Delete").sendKeys(Keys.ENTER);
            // The dialog takes focus (on Cancel); Shift+Tab reaches its Delete button.
            browser.waitUntil(d -> "Cancel".equals(d.switchTo().activeElement().getText()));
            browser.keys().keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            WebElement confirm = browser.driver.switchTo().activeElement();
            assertThat(confirm.getText()).isEqualTo("Delete the note");
            confirm.sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.path().equals("/notes"));
            browser.settled();
            assertThat(browser.text()).doesNotContain(title);
        }
    }

    @Test
    void staffReordersTheSeriesWithTheKeyboard() {
        Http staff = TestCohort.staff(stack);
        List<String> before = ids(staff);
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        try (Browser browser = Browser.open(stack.config().gatewayUrl())) {
            browser.go("/");
            browser.tabToText("Sign in").sendKeys(Keys.ENTER);
            signInWithKeys(browser, DemoData.STAFF_EMAIL);
            browser.tabToText("Series").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> browser.path().equals("/webinars"));
            browser.settled();
            browser.tabToText("Reorder").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".reorder-list")).isEmpty());
            browser.shouldBeCleanForAxe("the reorder list");

            // Drag and drop by keyboard: Space lifts the first webinar, ArrowDown moves it, Space drops it.
            WebElement handle = browser.tabTo("the first drag handle",
                    e -> String.valueOf(e.getDomAttribute("aria-label")).startsWith("Drag handle"));
            handle.sendKeys(Keys.SPACE);
            browser.keys().pause(300).sendKeys(Keys.ARROW_DOWN).pause(300).sendKeys(Keys.SPACE).perform();
            String first = title(staff, before.get(0));
            browser.waitUntil(d -> rowTitles(browser).indexOf(first) == 1);
            browser.tabToText("Save the order").sendKeys(Keys.ENTER);
            browser.waitUntil(d -> d.findElements(By.cssSelector(".reorder-list")).isEmpty());

            List<String> after = ids(staff);
            assertThat(after.subList(0, 3)).containsExactly(before.get(1), before.get(0), before.get(2));
            assertThat(after).hasSameElementsAs(before);
        } finally {
            staff.post("/api/catalog/webinars/reorder", Map.of("ids", before));
        }
    }

    private static void signInWithKeys(Browser browser, String email) {
        browser.waitUntil(d -> !d.findElements(By.name("username")).isEmpty());
        WebElement user = browser.driver.switchTo().activeElement();
        if (!"username".equals(user.getDomAttribute("name"))) {
            user = browser.tabTo("the user name", e -> "username".equals(e.getDomAttribute("name")));
        }
        user.sendKeys(email);
        browser.keys().sendKeys(Keys.TAB).sendKeys("outward").sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(browser.gateway));
        browser.settled();
    }

    private static List<String> ids(Http staff) {
        JsonNode page = staff.get("/api/catalog/webinars?status=all&size=100").body();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(w -> ids.add(w.get("id").asString()));
        return ids;
    }

    private static String title(Http staff, String id) {
        return staff.get("/api/catalog/webinars/" + id).body().get("title").asString();
    }

    private static List<String> rowTitles(Browser browser) {
        return browser.driver.findElements(By.cssSelector(".reorder-title")).stream().map(WebElement::getText).toList();
    }
}
