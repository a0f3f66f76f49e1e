package dev.parley.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.knowledge.KnowledgeFiles;
import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.OwnApplicationContext;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;
import dev.parley.widget.Accessibility;
import dev.parley.widget.Browser;

/**
 * The admin page's "Reload knowledge" when the files are behind the version in service (the database the source, on
 * H2), in a real headless Chromium: the refusal names the file a proposal changed, links the version in service's
 * files and offers to publish the files over it, which then does.
 */
@Requires(Requirement.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.versions.source=database", "parley.nlu.classifier=maxent"})
@DirtiesContext
@OwnApplicationContext
class FilesBehindBrowserTest {

    @TempDir
    static Path intents;

    @DynamicPropertySource
    static void intentsInATemporaryFolder(DynamicPropertyRegistry registry) {
        KnowledgeFixture.serveCopyIn(intents, registry);
    }

    @LocalServerPort
    int port;
    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aRefusedReloadLinksTheVersionInServiceAndPublishesTheFilesOverItWhenAsked() throws IOException {
        var api = new VersionsApi(port);
        assertThat(api.propose("greeting", null, "a very good morning to the bot").status()).isEqualTo(200);
        String inService = api.versionInService();
        KnowledgeFixture.write(intents.resolve("privacy.yaml"), KnowledgeFixture.privacyIntent());
        driver.get("http://" + ApiClient.ADMIN + ":" + ApiClient.ADMIN_PASSWORD + "@127.0.0.1:" + port + "/admin");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));

        driver.findElement(By.id("reload")).click();
        wait.until(d -> d.findElement(By.id("reload-outcome")).getAttribute("class").contains("error"));

        WebElement outcome = driver.findElement(By.id("reload-outcome"));
        assertThat(outcome.getText()).contains("behind knowledge version " + inService)
                .contains("intents/greeting.yaml: the version in service has changed this file since version");
        assertThat(driver.findElement(By.id("download-in-service")).getAttribute("href"))
                .endsWith(KnowledgeVersionController.PATH + "/" + inService + "/files");
        assertThat(Accessibility.check(driver).violations()).isEmpty();

        driver.findElement(By.id("publish-over")).click();
        Alert asked = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(asked.getText()).contains("undone on every instance");
        asked.dismiss();
        // declined: no reload starts (one shows "pending" at once, on the click)
        assertThat(driver.findElement(By.id("reload-outcome")).getAttribute("class")).contains("error")
                .doesNotContain("pending");
        assertThat(api.versionInService()).as("not on one click: asked first, and declined").isEqualTo(inService);
        driver.findElement(By.id("publish-over")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.findElement(By.id("reload-outcome")).getAttribute("class").contains("ok"));

        assertThat(driver.findElement(By.id("reload-outcome")).getText()).startsWith("Reloaded:");
        assertThat(api.versionInService()).isEqualTo(KnowledgeFiles.readFrom(
                KnowledgeFixture.settings(intents, KnowledgeFixture.seeds())).version());
        assertThat(api.admin().intentFor("is this chat private?")).isEqualTo("privacy");
        assertThat(Files.readString(intents.resolve("greeting.yaml"))).doesNotContain("very good morning");
    }
}
