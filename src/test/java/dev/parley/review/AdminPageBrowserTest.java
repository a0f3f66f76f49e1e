package dev.parley.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.conversation.AnswerFeedback;
import dev.parley.conversation.ExchangeLog;
import dev.parley.testing.ApiClient;
import dev.parley.testing.OwnApplicationContext;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;
import dev.parley.widget.Accessibility;
import dev.parley.widget.Browser;

/**
 * The admin page in a real headless Chromium, signed in with the documented credentials, after real questions were
 * asked: today's questions are in the chart, the unanswered paraphrases are one group, the thumbs down is listed.
 * Its own application context, so the page shows only what this class asked.
 */
@Requires(Requirement.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@OwnApplicationContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> WEATHER = List.of("what is the weather in Paris?",
            "whats the weather like in paris", "wether in paris");
    private static final String UNHCR = "what does the UNHCR do?";
    private static final String COMMENT = "It does not say where to apply";
    private static final int ASKED = 7;

    @LocalServerPort
    int port;

    @Autowired
    ExchangeLog exchangeLog;

    ChromeDriver driver;

    @BeforeAll
    void askQuestionsAndStartBrowser() {
        var admin = ApiClient.asAdmin(port);
        WEATHER.forEach(admin::replyTo);
        admin.replyTo("how do I renew my passport");
        admin.replyTo("who can refer cases to the ICC?");
        admin.replyTo("who can refer cases to the ICC?");
        String answerId = admin.replyTo(UNHCR).get("answerId").asString();
        // Feedback goes in through the exchange log that the feedback endpoint (another part of the API) uses.
        exchangeLog.recordFeedback(new AnswerFeedback(answerId, false, Optional.of(COMMENT), Instant.now()));
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void showsTodaysQuestionsTheUnansweredGroupAndTheFeedbackWithoutConsoleErrors() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 900));
        consoleProblems(); // reading the log empties it: what earlier tests left is not this test's
        open();

        String version = ApiClient.anonymous(port).get("/actuator/info").json().get("knowledge").get("version")
                .asString();
        WebElement served = driver.findElement(By.id("knowledge-version"));
        assertThat(served.getAttribute("textContent")).startsWith("Knowledge version " + version.substring(0, 12)
                + ", published ");
        assertThat(served.getAttribute("title")).isEqualTo(version);
        // the versions compared: the one in service replied to every question of today
        WebElement inService = driver.findElement(By.cssSelector("#versions-table tbody tr.in-service"));
        assertThat(inService.findElement(By.cssSelector("th")).getAttribute("textContent"))
                .startsWith(version.substring(0, 12) + "in service" + "published ");
        assertThat(inService.findElements(By.cssSelector("td")).get(1).getAttribute("textContent"))
                .isEqualTo(String.valueOf(ASKED));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> bars = driver.findElements(By.cssSelector("#questions-chart svg rect.bar title")).stream()
                .map(title -> title.getAttribute("textContent")).toList();
        assertThat(bars).hasSize(30).endsWith(today + ": " + ASKED + " questions");
        assertThat(driver.findElement(By.cssSelector("#questions-chart svg")).getAttribute("role")).isEqualTo("img");
        WebElement todayRow = driver.findElements(By.cssSelector("#daily-table tbody tr")).get(29);
        assertThat(todayRow.findElement(By.cssSelector("th")).getAttribute("textContent")).isEqualTo(today);
        assertThat(todayRow.findElements(By.cssSelector("td")).get(0).getAttribute("textContent"))
                .isEqualTo(String.valueOf(ASKED));
        assertThat(todayRow.findElements(By.cssSelector("td")).get(2).getAttribute("textContent")).matches("\\d+%");
        // A day without questions has no fallback rate (the report says 0): a dash, not "0%".
        WebElement quietDay = driver.findElements(By.cssSelector("#daily-table tbody tr")).get(0);
        assertThat(quietDay.findElements(By.cssSelector("td")).get(2).getAttribute("textContent")).isEqualTo("–");
        assertThat(driver.findElement(By.id("daily-summary")).getText())
                .matches(ASKED + " questions and \\d+ fallbacks \\(\\d+%\\) from .*");

        List<WebElement> groups = driver.findElements(By.cssSelector("#unanswered > li.group"));
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).findElement(By.cssSelector(".meta")).getText()).startsWith("Asked 3 times");
        assertThat(groups.get(0).findElements(By.cssSelector(".example label"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrderElementsOf(WEATHER);
        WebElement propose = groups.get(0).findElement(By.cssSelector("button.propose"));
        var intent = new org.openqa.selenium.support.ui.Select(groups.get(0).findElement(By.cssSelector("select")));
        assertThat(intent.getFirstSelectedOption().getAttribute("value"))
                .as("weather leans to no intent strongly enough to be preselected").isEmpty();
        assertThat(propose.isEnabled()).isFalse();
        intent.selectByValue("unhcr");
        assertThat(propose.isEnabled()).isTrue();
        assertThat(propose.getText()).isEqualTo("Propose as examples of unhcr");

        WebElement feedback = driver.findElement(By.cssSelector("#feedback li.down"));
        assertThat(feedback.getText()).startsWith("Not helpful").contains(UNHCR).contains(COMMENT)
                .contains("Answered with unhcr");
        assertThat(driver.findElement(By.cssSelector("#negative-table tbody")).getText()).contains("unhcr");
        assertThat(driver.findElement(By.cssSelector("#traffic-table tbody tr")).getText())
                .startsWith("icc-referral");
        // An intent without feedback has no negative rate: a dash; one thumbs down of one is 100%.
        assertThat(lastCell("#traffic-table tbody tr")).isEqualTo("–");
        assertThat(lastCell("#negative-table tbody tr")).isEqualTo("100%");
        assertThat(driver.findElements(By.cssSelector(".error")))
                .allSatisfy(error -> assertThat(error.isDisplayed()).isFalse());

        screenshot("admin-desktop.png");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(1280, height.intValue() + 200));
        screenshot("admin-full-page.png");
        assertThat(consoleProblems()).isEmpty();
    }

    @Test
    void hasNoWcagViolation() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open();

        assertThat(Accessibility.check(driver).violations()).isEmpty();
    }

    @Test
    void fitsA360PixelWidePhone() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 800));
        open();

        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        screenshot("admin-phone-360.png");
    }

    @Test
    void showsTheServersProblemWhenACallFails() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open();

        // A period the server refuses: every section must show the problem's detail, not stay silently empty.
        driver.executeScript("const days = document.getElementById('days'); days.add(new Option('0', '0'));"
                + "days.value = '0'; days.dispatchEvent(new Event('change'));");
        waitUntilLoaded();

        for (String id : List.of("daily-error", "unanswered-error", "traffic-error", "negative-error",
                "feedback-error")) {
            WebElement error = driver.findElement(By.id(id));
            assertThat(error.isDisplayed()).as(id).isTrue();
            assertThat(error.getText()).as(id).contains("'days' must be a whole number from 1 to 365, was '0'");
        }
    }

    @Test
    void createsAnApiKeyShownOnceListsItWithoutTheKeyAndRevokesIt() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        open();
        consoleProblems();
        // The table is drawn anew after each change: a row found just before may be gone by the time it is read.
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
        By row = By.xpath("//table[@id='keys-table']//tr[th[text()='browser test program']]");

        driver.findElement(By.id("key-name")).sendKeys("browser test program");
        driver.findElement(By.id("key-quota")).sendKeys("42");
        driver.findElement(By.id("key-create")).click();
        String key = wait.until(d -> d.findElement(By.cssSelector("#key-outcome .api-key"))).getText();

        assertThat(key).startsWith("parley_");
        assertThat(askWith(key)).isEqualTo(200);
        String listed = wait.until(d -> d.findElement(row).getText());
        assertThat(listed).contains("42").doesNotContain(key);

        wait.until(d -> {
            d.findElement(row).findElement(By.cssSelector("button.revoke")).click();
            return true;
        });
        wait.until(d -> d.findElement(row).getText().contains("Revoked"));

        assertThat(askWith(key)).isEqualTo(401);
        assertThat(driver.findElement(By.id("key-outcome")).getText()).contains("revoked");
        assertThat(consoleProblems()).isEmpty();
    }

    private int askWith(String key) {
        var api = ApiClient.anonymous(port);
        return api.send(api.request("/api/v1/ask").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"question\":\"" + UNHCR + "\"}")))
                .status();
    }

    private String lastCell(String rowSelector) {
        return driver.findElement(By.cssSelector(rowSelector + " td:last-child")).getAttribute("textContent");
    }

    private void open() {
        driver.get("http://" + ApiClient.ADMIN + ":" + ApiClient.ADMIN_PASSWORD + "@127.0.0.1:" + port + "/admin");
        waitUntilLoaded();
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    private List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
