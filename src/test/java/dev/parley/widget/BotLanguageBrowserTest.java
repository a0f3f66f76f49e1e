package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import dev.parley.testing.ApiClient;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;

/**
 * The widget speaks its knowledge base's language, as the server's welcome gives it: an Arabic bot file (no Arabic
 * is shipped, so its widget strings are the bot file's own) turns the widget right to left with the Arabic strings;
 * the same server, reloaded with a French bot file, gives the French strings shipped. The Arabic bot's contact is
 * offered as a link when the visitor asks for a person. The intents are a copy of the
 * tests' fixture; maxent is served, as it starts fastest.
 */
@Requires(Requirement.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.nlu.classifier=maxent")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotLanguageBrowserTest {

    private static final String ARABIC = """
            name: مساعد
            language: ar
            topics: [المحاكم الدولية]
            texts:
              welcome: مرحبًا! أنا {name}. اسألني عن {topics}.
            contact:
              label: راسلنا
              url: mailto:help@example.org
            widget:
              placeholder: اطرح سؤالاً…
              send: إرسال
              close: إغلاق المحادثة
            """;

    // Not a @TempDir: with one test instance per class, Spring starts the app before JUnit would fill it in.
    static Path intents;

    @DynamicPropertySource
    static void fixtureInArabic(DynamicPropertyRegistry registry) throws IOException {
        intents = Files.createTempDirectory("parley-language-");
        KnowledgeFixture.serveCopyIn(intents, registry);
        Files.writeString(intents.resolve("_bot.yaml"), ARABIC);
    }

    @LocalServerPort
    int port;

    ChromeDriver driver;
    WidgetPage widget;

    @BeforeAll
    void startBrowser() {
        driver = Browser.start(1280, 800);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        FileSystemUtils.deleteRecursively(intents.toFile());
    }

    @Test
    void anArabicBotFileTurnsTheWidgetRightToLeftWithItsStringsThenAFrenchOneGivesFrench() throws IOException {
        openFreshPage();
        WebElement root = widget.find(".parley");
        widget.waitFor(() -> "rtl".equals(root.getDomAttribute("dir")));

        assertThat(root.getDomAttribute("lang")).isEqualTo("ar");
        assertThat(widget.find("#parley-input").getDomAttribute("placeholder")).isEqualTo("اطرح سؤالاً…");
        assertThat(widget.text(widget.find(".send"))).isEqualTo("إرسال");
        assertThat(widget.find(".launcher").getDomAttribute("aria-label")).isEqualTo("إغلاق المحادثة");
        assertThat(widget.botMessage(1)).isEqualTo("مرحبًا! أنا مساعد. اسألني عن المحاكم الدولية.");
        assertThat(widget.script("return getComputedStyle(arguments[0]).direction", widget.find(".messages")))
                .isEqualTo("rtl");
        assertThat(widget.text(widget.find(".start-over"))).as("a string the file leaves out: English")
                .isEqualTo("New chat");

        widget.type("connect me to an agent");
        widget.botMessage(2);
        WebElement contact = widget.all(".message.bot").get(1).findElement(By.cssSelector(".contact a"));
        assertThat(widget.text(contact)).isEqualTo("راسلنا");
        assertThat(contact.getDomAttribute("href")).isEqualTo("mailto:help@example.org");
        assertThat(contact.getDomAttribute("rel")).isEqualTo("noopener noreferrer");

        Files.writeString(intents.resolve("_bot.yaml"), "language: fr\n");
        assertThat(ApiClient.asAdmin(port).reload().status()).isEqualTo(200);
        openFreshPage();
        WebElement frenchRoot = widget.find(".parley");
        widget.waitFor(() -> "fr".equals(frenchRoot.getDomAttribute("lang")));

        assertThat(frenchRoot.getDomAttribute("dir")).isEqualTo("ltr");
        assertThat(widget.find("#parley-input").getDomAttribute("placeholder")).isEqualTo("Posez une question…");
        assertThat(widget.text(widget.find(".send"))).isEqualTo("Envoyer");
        assertThat(widget.text(widget.find(".start-over"))).isEqualTo("Nouvelle discussion");
        assertThat(widget.botMessage(1)).startsWith("Bonjour ! Je suis Parley.");
    }

    private void openFreshPage() {
        driver.get(base() + "/actuator/health");
        driver.executeScript("sessionStorage.clear()");
        widget = new WidgetPage(driver);
        driver.get(base() + "/");
        widget.waitUntilOnline();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
