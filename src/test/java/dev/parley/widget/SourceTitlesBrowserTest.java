package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import com.sun.net.httpserver.HttpServer;

/**
 * How a visitor sees where an answer comes from: the document's title from the seeds' index, never its file name,
 * and a link to the document where the index gives one. The seeds are a copy of the project's with a link added to
 * one document, pointing at a page this test serves. maxent is served: the classifier does not matter here, and it
 * starts fastest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.nlu.classifier=maxent")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceTitlesBrowserTest {

    private static final String RIGHTS = "000_14061bbafc9ccbc5.txt";
    private static final String MIGRATION = "001_8a14780a7a8b68cd.txt";
    private static final String RIGHTS_TITLE = "The role of international organizations in enforcing human rights";
    private static final String MIGRATION_TITLE = "The role of international organizations in addressing migration";

    // Not a @TempDir: with one test instance per class, Spring starts the app before JUnit would fill it in.
    static Path seeds;
    static HttpServer publisher;

    @DynamicPropertySource
    static void seedsWithALinkedDocument(DynamicPropertyRegistry registry) throws IOException {
        publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publisher.createContext("/", exchange -> {
            byte[] body = "<!doctype html><title>The published report</title><p>The report."
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        publisher.start();
        seeds = Files.createTempDirectory("parley-seeds-");
        try (Stream<Path> documents = Files.list(Path.of("seeds"))) {
            for (Path document : documents.filter(file -> file.toString().endsWith(".txt")).toList()) {
                Files.copy(document, seeds.resolve(document.getFileName()));
            }
        }
        Files.writeString(seeds.resolve("_documents.yaml"), """
                %s:
                  title: %s
                  url: %s
                %s:
                  title: %s
                """.formatted(RIGHTS, RIGHTS_TITLE, reportUrl(), MIGRATION, MIGRATION_TITLE));
        registry.add("parley.knowledge.seeds-dir", seeds::toString);
    }

    static String reportUrl() {
        return "http://127.0.0.1:" + publisher.getAddress().getPort() + "/reports/rights?lang=en";
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
    void stopBrowserAndPublisher() {
        if (driver != null) {
            driver.quit();
        }
        publisher.stop(0);
        FileSystemUtils.deleteRecursively(seeds.toFile());
    }

    @BeforeEach
    void freshPage() {
        driver.get(base() + "/actuator/health");
        driver.executeScript("sessionStorage.clear()");
        widget = new WidgetPage(driver);
    }

    @Test
    void theVisitorSeesTheDocumentsTitleAndNeverItsFileName() {
        driver.get(base() + "/");
        widget.waitUntilOnline();

        widget.type("what does the UNHCR do?");
        widget.botMessage(2);
        WebElement source = openSourceOf(widget.all(".message.bot").get(1));

        assertThat(widget.text(source.findElement(By.cssSelector("cite"))))
                .isEqualTo(MIGRATION_TITLE);
        assertThat(source.findElements(By.cssSelector("a"))).as("no link without a url")
                .isEmpty();
        assertThat(widget.text(widget.find(".messages"))).contains(MIGRATION_TITLE)
                .doesNotContain(MIGRATION).doesNotContain(".txt");
    }

    @Test
    void aLinkedTitleOpensTheDocumentInANewTabWithoutTheOpener() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        String chat = driver.getWindowHandle();

        widget.type("who can refer cases to the ICC?");
        widget.botMessage(2);
        WebElement source = openSourceOf(widget.all(".message.bot").get(1));
        WebElement link = source.findElement(By.cssSelector("cite a"));

        assertThat(widget.text(link)).isEqualTo(RIGHTS_TITLE);
        assertThat(link.getDomAttribute("href")).isEqualTo(reportUrl());
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(widget.text(widget.find(".messages"))).doesNotContain(RIGHTS);

        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getWindowHandles().size() == 2);
        String report = driver.getWindowHandles().stream().filter(handle -> !handle.equals(chat)).findFirst()
                .orElseThrow();
        driver.switchTo().window(report);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "The published report".equals(d.getTitle()));
            assertThat(driver.getCurrentUrl()).isEqualTo(reportUrl());
            assertThat(driver.executeScript("return window.opener")).as("noopener").isNull();
        } finally {
            driver.close();
            driver.switchTo().window(chat);
        }
    }

    @Test
    void aStoredSourceWhoseLinkIsNoWebAddressIsShownUnlinked() {
        // Only the server's loader stands between a curator's typo and a visitor's click; the widget checks again.
        driver.executeScript("sessionStorage.setItem(arguments[0], JSON.stringify({sessionId: null, open: true,"
                + " messages: [{role: 'bot', answer: 'An old answer.', answerId: null, suggestions: [],"
                + " sources: [{document: 'x.txt', title: 'A title', url: 'javascript:window.__pwned=1',"
                + " excerpt: 'A passage.'}], time: new Date().toISOString()}]}))", "parley:" + base() + "/");
        driver.get(base() + "/");
        widget.waitUntilOnline();

        WebElement source = openSourceOf(widget.find(".message.bot"));

        assertThat(widget.text(source.findElement(By.cssSelector("cite")))).isEqualTo("A title");
        assertThat(source.findElements(By.cssSelector("a"))).isEmpty();
    }

    /** Opens the "Source" disclosure of a bot message, as a visitor does, and returns it. */
    private WebElement openSourceOf(WebElement message) {
        WebElement source = message.findElement(By.cssSelector("details.source"));
        source.findElement(By.cssSelector("summary")).click();
        widget.waitFor(() -> Boolean.TRUE.equals(widget.script("return arguments[0].open", source)));
        return source;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
