package dev.parley.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;
import dev.parley.testing.SparseKnowledgeApp;
import dev.parley.widget.Accessibility;
import dev.parley.widget.Browser;

/**
 * The admin page's warning of intents with fewer phrasings than recommended, in a real headless Chromium: listed
 * fewest first with their question, id and count, accessible; and no panel at all when every intent has enough.
 */
@Requires(Requirement.CHROMIUM)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparseIntentsBrowserTest extends SparseKnowledgeApp {

    ChromeDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void warnsOfTheSparselyPhrasedIntentsFewestFirst() {
        open();

        WebElement panel = driver.findElement(By.id("sparse"));
        assertThat(panel.isDisplayed()).isTrue();
        assertThat(panel.findElement(By.tagName("h2")).getText()).isEqualTo("Intents with few phrasings");
        assertThat(driver.findElement(By.id("sparse-summary")).getText())
                .startsWith("2 intents of " + INTENTS + " have fewer than 5 phrasings");
        List<String> listed = panel.findElements(By.cssSelector("ol#sparse-intents > li")).stream()
                .map(item -> item.findElement(By.cssSelector(".intent-question")).getText() + " | "
                        + item.findElement(By.cssSelector(".intent-id")).getText() + " | "
                        + item.findElement(By.cssSelector(".phrasings")).getText())
                .toList();
        assertThat(listed).containsExactly(UNPHRASED_QUESTION + " | " + UNPHRASED + " | 1 phrasing",
                THIN_QUESTION + " | " + THIN + " | 3 phrasings");
        assertThat(panel.getText()).contains("Add examples").contains("propose unanswered questions");
        assertThat(driver.findElement(By.id("knowledge-error")).isDisplayed()).isFalse();
        assertThat(Accessibility.check(driver).violations()).isEmpty();
    }

    @Test
    void showsNoWarningWhenEveryIntentHasEnoughPhrasings() {
        reloadWithout(THIN);
        reloadWith(UNPHRASED, unphrasedWith("what do human rights ngos do", "role of amnesty international",
                "what does human rights watch do", "how do non-governmental organizations help"));

        open();

        assertThat(driver.findElement(By.id("sparse")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#sparse-intents > li"))).isEmpty();
        assertThat(driver.findElement(By.id("knowledge-error")).isDisplayed()).isFalse();
    }

    @Test
    void aReloadFromThePageShowsTheKnowledgeNowInService() {
        open();
        assertThat(driver.findElements(By.cssSelector("#sparse-intents > li"))).hasSize(2);

        reloadWithout(THIN);
        // The files changed behind the page's back: its own "Reload knowledge" reloads again and shows the result.
        driver.findElement(By.id("reload")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("reload-outcome"))
                .getAttribute("class").contains("ok")
                && d.findElements(By.cssSelector("#sparse-intents > li")).size() == 1);

        assertThat(driver.findElement(By.cssSelector("#sparse-intents .intent-id")).getText()).isEqualTo(UNPHRASED);
    }

    private void open() {
        driver.get("http://" + ApiClient.ADMIN + ":" + ApiClient.ADMIN_PASSWORD + "@127.0.0.1:" + port + "/admin");
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }
}
