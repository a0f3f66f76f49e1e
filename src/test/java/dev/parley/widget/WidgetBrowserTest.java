package dev.parley.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.socket.CloseStatus;

import com.sun.net.httpserver.HttpServer;

import dev.parley.chat.ChatConnections;
import dev.parley.testing.Requirement;
import dev.parley.testing.Requires;

/** The widget in a real headless Chromium, as a visitor and as a site owner would use it. */
@Requires(Requirement.CHROMIUM)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String XSS = "<img src=x onerror=\"window.__pwned=1\">";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    ChromeDriver driver;
    WidgetPage widget;
    HttpServer otherSite;

    @BeforeAll
    void startBrowser() {
        driver = Browser.start(1280, 800);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void freshPage() {
        driver.manage().window().setSize(new Dimension(1280, 800));
        // Cleared on a page without the widget: a live widget would write its state straight back.
        driver.get(base() + "/actuator/health");
        driver.executeScript("sessionStorage.clear()");
        driver.manage().logs().get(LogType.BROWSER); // reading the log empties it: what earlier tests left is not ours
        jdbc.sql("delete from feedback").update(); // each test counts only the verdicts it gave
        widget = new WidgetPage(driver);
    }

    @AfterEach
    void stopOtherSite() {
        if (otherSite != null) {
            otherSite.stop(0);
        }
    }

    @Test
    void theDemoPageAnswersTheReferralQuestionUnderAStrictContentSecurityPolicy() throws IOException {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        assertThat(widget.isOpen()).as("the demo page opens the chat").isTrue();
        assertThat(widget.botMessage(1)).startsWith("Hello! I'm Parley.");

        widget.type("who can refer cases to the ICC?");

        assertThat(widget.botMessage(2)).contains("state party").contains("UN Security Council")
                .contains("ICC prosecutor");
        assertThat(widget.text(widget.all(".message.bot").get(1))).contains("Source");
        assertThat(widget.all(".message.bot time")).hasSize(2);
        assertThat(cspViolations()).isEmpty();
        screenshot("widget-desktop.png");
    }

    @Test
    void theDemoPageAfterAnAnswerAndAFallbackHasNoWcagViolation() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("who can refer cases to the ICC?");
        widget.botMessage(2);
        widget.type("what is the weather in Paris?");
        widget.waitFor(() -> widget.all(".message.bot.fallback").size() == 1);
        // The thumbs down opens the line to say what was missing; its source is unfolded.
        widget.all(".message.bot").get(1).findElement(By.cssSelector(".thumb[data-helpful='false']")).click();
        widget.find(".message.bot .comment-input");
        // Kept before the next test clears the table, so it cannot land in that test's count.
        widget.waitFor(() -> jdbc.sql("select count(*) from feedback").query(Integer.class).single() == 1);
        widget.script("arguments[0].shadowRoot.querySelectorAll('details').forEach((d) => d.open = true)",
                widget.host());

        var report = Accessibility.check(driver);

        assertThat(report.checkedTheWidget()).as("axe looked inside the widget's shadow root").isTrue();
        assertThat(report.violations()).isEmpty();
    }

    @Test
    void theEmbedExampleHasNoWcagViolationClosedOrOpen() {
        driver.get(base() + "/embed-example.html");
        widget.host();
        var closed = Accessibility.check(driver);

        widget.find(".launcher").click();
        widget.waitUntilOnline();
        widget.botMessage(1);
        var open = Accessibility.check(driver);

        assertThat(closed.checkedTheWidget()).isTrue();
        assertThat(closed.violations()).as("closed").isEmpty();
        assertThat(open.violations()).as("open").isEmpty();
    }

    @Test
    void aSuggestionChipAsksItsQuestion() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        var chip = widget.find(".message.bot .chip");
        String question = widget.text(chip);

        chip.click();

        assertThat(widget.userMessages()).containsExactly(question);
        assertThat(widget.botMessage(2)).isNotBlank();
        assertThat(widget.all(".message.bot").get(1).getDomAttribute("class")).doesNotContain("fallback");
    }

    @Test
    void aThumbsDownIsKeptAgainstItsAnswerAndSurvivesAReload() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("what does the UNHCR do?");
        widget.botMessage(2);
        assertThat(widget.all(".message.bot").get(0).findElements(By.cssSelector(".thumb")))
                .as("the welcome is no answer to judge").isEmpty();

        widget.all(".message.bot").get(1).findElement(By.cssSelector(".thumb[data-helpful='false']")).click();

        widget.waitFor(() -> jdbc.sql("select count(*) from feedback where helpful = false")
                .query(Integer.class).single() == 1);
        var comment = widget.all(".message.bot").get(1).findElement(By.cssSelector(".comment-input"));
        comment.sendKeys("Which countries does it work in?");
        comment.sendKeys(Keys.ENTER);
        widget.waitFor(() -> jdbc.sql("select count(*) from feedback where comment = ?")
                .param("Which countries does it work in?").query(Integer.class).single() == 1);
        // The same thumb again must not wipe the comment. Frames are handled in order, so once the next
        // question is answered, a feedback frame sent before it would have been kept.
        widget.all(".message.bot").get(1).findElement(By.cssSelector(".thumb[data-helpful='false']")).click();
        widget.type("what does the IOM do?");
        widget.waitFor(() -> widget.botMessages() == 3);
        assertThat(jdbc.sql("select comment from feedback").query(String.class).single())
                .isEqualTo("Which countries does it work in?");

        driver.navigate().refresh();
        widget = new WidgetPage(driver);
        widget.waitUntilOnline();
        var answer = widget.all(".message.bot").get(1);
        assertThat(answer.findElement(By.cssSelector(".thumb[data-helpful='false']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(widget.text(answer.findElement(By.cssSelector(".thanks")))).isEqualTo("Thanks for telling us.");
        assertThat(jdbc.sql("select count(*) from feedback").query(Integer.class).single())
                .as("the comment replaced the verdict, one row per answer").isEqualTo(1);
    }

    @Test
    void aDidYouMeanChipAnswersTheIntentPicked() {
        jdbc.sql("delete from exchange").update();
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("what do international organizations do");
        widget.botMessage(2);
        var candidates = widget.all(".message.bot").get(1).findElements(By.cssSelector(".chip"));
        assertThat(candidates).hasSizeGreaterThanOrEqualTo(2);
        String picked = widget.text(candidates.get(1));

        candidates.get(1).click();

        widget.waitFor(() -> widget.botMessages() == 3);
        // Confidence 1 is the mark of a picked intent: the server answered it without classifying the text.
        assertThat(jdbc.sql("select intent_id, confidence from exchange where question = ?").param(picked)
                .query((row, n) -> row.getString(1) + "@" + row.getDouble(2)).single()).endsWith("@1.0")
                .doesNotStartWith("null");
        assertThat(widget.botMessage(3)).isNotBlank();
    }

    @Test
    void theConversationSurvivesAReload() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("what does the UNHCR do?");
        String answer = widget.botMessage(2);
        Object session = widget.script("return JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).sessionId");

        driver.navigate().refresh();
        widget = new WidgetPage(driver);
        widget.waitUntilOnline();

        assertThat(widget.userMessages()).containsExactly("what does the UNHCR do?");
        assertThat(widget.botMessage(2)).isEqualTo(answer);
        assertThat(widget.botMessages()).as("no second welcome after a reload").isEqualTo(2);
        assertThat(widget.script("return JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).sessionId"))
                .isEqualTo(session);
    }

    @Test
    void aQuestionLeftUnansweredByAReloadIsAskedAgain() {
        // The state a page leaves when it is reloaded while a question is on its way.
        driver.executeScript("sessionStorage.setItem(arguments[0], JSON.stringify({sessionId: null, open: false,"
                + " messages: [{role: 'user', text: 'what does the UNHCR do?', id: 'c-lost-1', pending: true,"
                + " time: new Date().toISOString()}]}))", "parley:" + base() + "/");

        driver.get(base() + "/embed-example.html");

        assertThat(widget.botMessage(1)).containsIgnoringCase("refugees");
        assertThat(widget.all(".message.user.pending")).isEmpty();
        assertThat(widget.userMessages()).containsExactly("what does the UNHCR do?");
    }

    @Test
    void aThumbTheServerRefusesIsNotShownAsChosen() {
        // An answer whose exchange the server no longer has (retention deleted it, or another database).
        driver.executeScript("sessionStorage.setItem(arguments[0], JSON.stringify({sessionId: null, open: true,"
                + " messages: [{role: 'bot', answer: 'An old answer.', answerId: '00000000-0000-0000-0000-000000000000',"
                + " suggestions: [], sources: [], time: new Date().toISOString()}]}))", "parley:" + base() + "/");
        driver.get(base() + "/embed-example.html");
        widget.waitUntilOnline();

        widget.find(".message.bot .thumb[data-helpful='false']").click();

        widget.waitFor(() -> widget.all(".message.notice").size() == 1);
        assertThat(widget.text(widget.find(".message.notice"))).contains("No answer with id");
        assertThat(widget.find(".message.bot .thumb[data-helpful='false']").getDomAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(widget.all(".comment")).as("no 'what was missing?' for a verdict not kept").isEmpty();
    }

    @Test
    void reconnectsAfterTheServerDropsTheConnection() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.script("""
                window.__states = [];
                new MutationObserver(() => window.__states.push(arguments[0].dataset.state))
                    .observe(arguments[0], {attributes: true, attributeFilter: ['data-state']});""", widget.host());

        ChatConnections.closeAll(context, CloseStatus.GOING_AWAY);

        widget.waitFor(() -> ((List<?>) widget.script("return window.__states")).contains("online"));
        @SuppressWarnings("unchecked")
        List<Object> states = (List<Object>) widget.script("return window.__states");
        assertThat(states).containsSubsequence("reconnecting", "online");
        widget.type("what does the UNHCR do?");
        assertThat(widget.botMessage(2)).containsIgnoringCase("refugees");
    }

    @Test
    void worksWhenEmbeddedOnAPageOfAnotherOrigin() throws IOException {
        String page = servedElsewhere("""
                <!doctype html><html><head><title>Another site</title></head>
                <body><h1>Another site</h1>
                <script src="http://localhost:%d/widget.js" data-title="Help desk" data-open="true" async></script>
                </body></html>""".formatted(port),
                "script-src http://localhost:" + port + "; style-src http://localhost:" + port
                        + "; connect-src ws://localhost:" + port);

        driver.get(page);
        widget.waitUntilOnline();
        assertThat(widget.text(widget.find(".title"))).isEqualTo("Help desk");
        widget.type("what is the Global Compact for migration?");

        assertThat(widget.botMessage(2)).contains("2018");
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void userTextAndAnswersNeverRunScript() throws IOException {
        // A host page without any Content-Security-Policy: only the widget's own care protects it.
        driver.get(servedElsewhere("""
                <!doctype html><html><body>
                <script src="http://localhost:%d/widget.js" data-open="true" async></script>
                </body></html>""".formatted(port), null));
        widget.waitUntilOnline();

        widget.type(XSS);
        widget.botMessage(2);

        assertThat(widget.userMessages()).containsExactly(XSS);
        String rendered = (String) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('http://localhost:%d/widget/markdown.js').then((m) => {
                  const markdown = '**bold** %s [site](https://example.org) <script>window.__pwned=2</script>'
                      + ' [x](javascript:window.__pwned=3)';
                  const box = document.createElement('div');
                  box.append(m.renderMarkdown(markdown));
                  document.body.append(box);
                  const html = box.innerHTML;
                  box.querySelectorAll('a').forEach((a) => a.click());
                  setTimeout(() => done(html), 500);
                });""".formatted(port, XSS.replace("\"", "\\\"")));

        assertThat(driver.executeScript("return window.__pwned")).isNull();
        assertThat(rendered).contains("<strong>bold</strong>")
                .contains("<a href=\"https://example.org\" target=\"_blank\" rel=\"noopener noreferrer\">site</a>")
                .doesNotContain("onerror").doesNotContain("<script").doesNotContain("javascript:");
    }

    @Test
    void keyboardOnly() {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.find("#parley-input").click();

        widget.find("#parley-input").sendKeys(Keys.ESCAPE);

        assertThat(widget.isOpen()).isFalse();
        assertThat(widget.script("return arguments[0].shadowRoot.activeElement.className", widget.host()))
                .isEqualTo("launcher");
        widget.find(".launcher").sendKeys(Keys.ENTER);
        assertThat(widget.isOpen()).isTrue();
        assertThat(widget.script("return arguments[0].shadowRoot.activeElement.id", widget.host()))
                .isEqualTo("parley-input");
        widget.type("what drives migration?");
        assertThat(widget.botMessage(2)).contains("economic disparities");
    }

    @Test
    void isLabelledForAssistiveTechnology() {
        driver.get(base() + "/");
        widget.waitUntilOnline();

        assertThat(widget.find(".log").getDomAttribute("role")).isEqualTo("log");
        assertThat(widget.find(".log").getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(widget.find(".log > ol.messages")).isNotNull();
        assertThat(widget.find(".message.bot .bubble .visually-hidden").getDomProperty("textContent"))
                .isEqualTo("Parley: ");
        assertThat(widget.find(".panel").getDomAttribute("role")).isEqualTo("dialog");
        assertThat(widget.find("label[for=parley-input]").getDomProperty("textContent")).isEqualTo("Your question");
        assertThat(widget.find(".launcher").getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(widget.find(".launcher").getDomAttribute("aria-label")).isEqualTo("Close chat");
        assertThat(widget.find(".status").getDomAttribute("role")).isEqualTo("status");
        widget.find(".launcher").click();
        assertThat(widget.find(".launcher").getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(widget.find(".launcher").getDomAttribute("aria-label")).isEqualTo("Chat: Ask Parley");
    }

    @Test
    void theLauncherIsTheOneCloseControlOfTheOpenChat() {
        driver.get(base() + "/");
        widget.waitUntilOnline();

        @SuppressWarnings("unchecked")
        List<String> closeControls = (List<String>) widget.script("return Array.from(arguments[0].shadowRoot"
                + ".querySelectorAll('button')).filter((b) => /close/i.test(b.getAttribute('aria-label')"
                + " || b.textContent)).map((b) => b.className)", widget.host());
        assertThat(closeControls).containsExactly("launcher");
        assertThat(rect(".launcher .icon-close").get(2)).as("it shows a cross").isPositive();

        widget.find(".launcher").click();

        assertThat(widget.isOpen()).isFalse();
        assertThat(rect(".launcher .icon-chat").get(2)).as("and a speech bubble once closed").isPositive();
    }

    @Test
    void aQuestionCutToTheLengthLimitKeepsAnEmojiWhole() {
        // Regression: the widget cut at 1,000 UTF-16 units, halving an emoji at the end, and the server refused the
        // question as malformed text. It now cuts at 1,000 characters, as the server counts them.
        driver.get(base() + "/embed-example.html");
        widget.host();
        String kept = "a".repeat(999) + "\uD83D\uDE00";

        widget.script("Parley.ask(arguments[0])", kept + " and more");

        widget.waitFor(() -> widget.botMessages() >= 1);
        assertThat(widget.userMessages()).containsExactly(kept);
        assertThat(widget.botMessage(1)).doesNotContain("malformed").doesNotContain("surrogate");
    }

    @Test
    void cutsQuestionsAndCommentsAtTheLimitsTheServersWelcomeSends() {
        driver.get(base() + "/embed-example.html");
        widget.host();
        // A server with other limits than ours, which answers every question and keeps every verdict.
        fakeServer("{\"type\": \"welcome\", \"sessionId\": \"s-1\", \"text\": \"Hello from a stricter server.\", "
                + "\"suggestions\": [], \"limits\": {\"questionCharacters\": 5, \"commentCharacters\": 3}}", true);
        widget.script("Parley.open()");
        assertThat(widget.botMessage(1)).isEqualTo("Hello from a stricter server.");

        widget.script("Parley.ask(arguments[0])", "abcd\uD83D\uDE00 and more");

        assertThat(widget.botMessage(2)).isEqualTo("An answer.");
        assertThat(widget.userMessages()).containsExactly("abcd\uD83D\uDE00");
        assertThat(widget.find("#parley-input").getDomProperty("maxLength")).isEqualTo("5");
        widget.all(".message.bot").get(1).findElement(By.cssSelector(".thumb[data-helpful='false']")).click();
        var comment = widget.find(".comment-input");
        assertThat(comment.getDomProperty("maxLength")).isEqualTo("3");
        // Set as a script would (maxlength stops typing, not scripts; and it counts UTF-16 units).
        widget.script("arguments[0].value = 'x\uD83D\uDE00yz'; arguments[0].form.requestSubmit()", comment);
        widget.waitFor(() -> !widget.all(".thanks").isEmpty());

        assertThat(widget.script("return window.__sent.map((f) => f.type + ':' + (f.text ?? f.comment ?? ''))"))
                .isEqualTo(List.of("ask:abcd\uD83D\uDE00", "feedback:", "feedback:x\uD83D\uDE00y"));
    }

    @Test
    void theTypingDotsStayWhileAnyQuestionAskedIsStillBeingAnswered() {
        driver.get(base() + "/embed-example.html");
        widget.host();
        // A server that answers a connection's questions in turn, as ours does: it says it is typing for each
        // question at once, and answers only when the test says so.
        fakeServer("{\"type\": \"welcome\", \"sessionId\": \"s-1\", \"text\": \"Hello.\", \"suggestions\": []}", false);
        widget.script("Parley.open()");
        assertThat(widget.botMessage(1)).isEqualTo("Hello.");
        widget.script("Parley.ask('first question')");
        widget.script("Parley.ask('second question')");
        widget.waitFor(() -> ((Number) widget.script("return window.__asked.length")).intValue() == 2);
        widget.waitFor(this::typingShown);

        widget.script("window.__socket.answer(window.__asked[0])");
        widget.waitFor(() -> widget.botMessages() == 2);
        // a malformed frame's error names no question: it ends no one's wait
        widget.script("window.__socket.reply({type: 'error', replyTo: null, code: 'malformed-json', message: 'x'})");
        widget.waitFor(() -> widget.all(".message.notice").size() == 1);

        assertThat(typingShown()).as("the second question is still being answered").isTrue();
        widget.script("window.__socket.answer(window.__asked[1])");
        widget.waitFor(() -> widget.botMessages() == 3);
        assertThat(typingShown()).isFalse();
    }

    /**
     * Puts a fake chat server in the page's place of the real one: it welcomes with {@code welcome} (a JSON frame),
     * records every frame sent to it ({@code window.__sent}, the asks' ids in {@code window.__asked}), says it is
     * typing for each question, keeps every verdict, and answers each question at once or only when the test calls
     * {@code window.__socket.answer(id)}.
     */
    private void fakeServer(String welcome, boolean answersAtOnce) {
        widget.script("""
                const welcome = JSON.parse(arguments[0]);
                const answersAtOnce = arguments[1];
                window.__sent = [];
                window.__asked = [];
                window.WebSocket = class extends EventTarget {
                  static OPEN = 1;
                  constructor() { super(); this.readyState = 0; window.__socket = this;
                    setTimeout(() => {
                      this.readyState = 1; this.dispatchEvent(new Event('open')); this.reply(welcome);
                    }, 10); }
                  reply(frame) { // later, as over a network
                    setTimeout(() => this.dispatchEvent(new MessageEvent('message', {data: JSON.stringify(frame)})));
                  }
                  send(text) {
                    const frame = JSON.parse(text);
                    window.__sent.push(frame);
                    if (frame.type === 'ask') {
                      window.__asked.push(frame.id);
                      this.reply({type: 'typing', replyTo: frame.id});
                      if (answersAtOnce) {
                        this.answer(frame.id);
                      }
                    } else if (frame.type === 'feedback') {
                      this.reply({type: 'feedback-received', replyTo: frame.id});
                    }
                  }
                  answer(id) {
                    this.reply({type: 'answer', replyTo: id, answerId: 'a-' + id, answer: 'An answer.', intent: 'x',
                      confidence: 1, fallback: false, clarification: false, suggestions: [], sources: []});
                  }
                  close() {}
                };""", welcome, answersAtOnce);
    }

    private boolean typingShown() {
        return !(Boolean) widget.script("return arguments[0].hidden", widget.find(".typing"));
    }

    @Test
    void theJavaScriptApiOpensClosesAndAsks() {
        driver.get(base() + "/embed-example.html");
        widget.host();
        assertThat(widget.isOpen()).isFalse();
        assertThat(widget.state()).as("a closed chat holds no connection").isEqualTo("idle");

        widget.script("Parley.ask('what does the IOM do?')");

        assertThat(widget.isOpen()).isTrue();
        // Asked before any greeting: the answer comes first, and no welcome follows the question.
        assertThat(widget.botMessage(1)).contains("intergovernmental");
        assertThat(widget.script("return arguments[0].shadowRoot.activeElement", widget.host()))
                .as("an API call leaves focus with the host page").isNull();
        widget.script("Parley.close()");
        assertThat(widget.isOpen()).isFalse();
        widget.script("Parley.open()");
        assertThat(widget.isOpen()).isTrue();
    }

    @Test
    void fillsAPhoneScreen360PixelsWideWithTheLauncherAsItsCloseButton() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 740));
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("what is the ECHR?");
        widget.botMessage(2);

        assertThat(rect(".panel")).as("the panel is the viewport").isEqualTo(widget.script(
                "return [0, 0, document.documentElement.clientWidth, document.documentElement.clientHeight]"));
        List<Long> launcher = rect(".launcher");
        List<Long> header = rect(".header");
        assertThat(launcher.get(1) + launcher.get(3)).as("the launcher sits in the header")
                .isLessThanOrEqualTo(header.get(1) + header.get(3));
        assertThat(launcher.get(0) + launcher.get(2)).isLessThanOrEqualTo(header.get(0) + header.get(2));
        screenshot("widget-phone-360.png");

        widget.find(".launcher").click();

        assertThat(widget.isOpen()).isFalse();
    }

    @Test
    void onADesktopThePanelLeavesThePageInViewWithTheLauncherBelowIt() {
        driver.get(base() + "/");
        widget.waitUntilOnline();

        List<Long> panel = rect(".panel");
        List<Long> launcher = rect(".launcher");
        assertThat(panel.get(2)).isLessThan(((Number) widget.script(
                "return document.documentElement.clientWidth / 2")).longValue());
        assertThat(launcher.get(1)).as("below the panel").isGreaterThanOrEqualTo(panel.get(1) + panel.get(3));
    }

    @Test
    void theWhatWasMissingFieldShowsAllOfItsPlaceholderAndWrapsALongComment() throws IOException {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("what does the UNHCR do?");
        widget.botMessage(2);
        widget.all(".message.bot").get(1).findElement(By.cssSelector(".thumb[data-helpful='false']")).click();
        var field = widget.find(".comment-input");

        assertThat(field.getTagName()).isEqualTo("textarea");
        // The placeholder, laid out as the field's text, fits the field without scrolling.
        assertThat(widget.script("const f = arguments[0]; f.value = f.placeholder; const fits = f.scrollWidth <= "
                + "f.clientWidth && f.scrollHeight <= f.clientHeight; f.value = ''; return fits", field))
                .isEqualTo(true);
        long emptyHeight = (Long) widget.script("return arguments[0].clientHeight", field);
        String comment = "It says what the agency does in general, but not which countries it works in, how to "
                + "apply for its help, or whom to contact when a family is separated at a border crossing.";

        field.sendKeys(comment);

        assertThat((Long) widget.script("return arguments[0].clientHeight", field)).as("it grows")
                .isGreaterThan(emptyHeight);
        assertThat(widget.script("const f = arguments[0]; return f.scrollWidth <= f.clientWidth"
                + " && f.scrollHeight <= f.clientHeight", field)).as("all of it in view, wrapped").isEqualTo(true);
        screenshot("widget-comment.png");
        field.sendKeys(Keys.ENTER);
        widget.waitFor(() -> jdbc.sql("select count(*) from feedback where comment = ?").param(comment)
                .query(Integer.class).single() == 1);
    }

    @Test
    void aNewConversationClearsTheHistoryAndStartsANewSession() throws IOException {
        driver.get(base() + "/");
        widget.waitUntilOnline();
        widget.type("What is the European Court of Human Rights?");
        widget.botMessage(2);
        String before = storedSessionId();

        widget.find(".start-over").click();
        assertThat(widget.text(widget.find(".confirm"))).contains("Start a new conversation?");
        screenshot("widget-new-conversation.png");
        widget.find(".confirm-yes").click();

        widget.waitFor(() -> widget.botMessages() == 1 && storedSessionId() != null
                && !storedSessionId().equals(before));
        assertThat(widget.all(".message")).hasSize(1);
        assertThat(widget.botMessage(1)).startsWith("Hello! I'm Parley.");
        assertThat(widget.script("return arguments[0].shadowRoot.activeElement.id", widget.host()))
                .isEqualTo("parley-input");
        String after = storedSessionId();
        widget.type("tell me more");
        widget.botMessage(2);
        // In the old session "tell me more" would have continued the court's topic with one of its follow-ups.
        assertThat(jdbc.sql("select session_id || ' ' || intent_id from exchange where question = 'tell me more'"
                + " order by asked_at desc limit 1").query(String.class).single())
                .isEqualTo(after + " tell-me-more");
        driver.navigate().refresh();
        widget = new WidgetPage(driver);
        widget.waitUntilOnline();
        assertThat(widget.userMessages()).as("the old conversation stays gone").containsExactly("tell me more");
    }

    @Test
    void tellsTheVisitorPlainlyWhenTheServerDoesNotLetThePageChat() throws IOException {
        // 127.0.0.2 is this machine too, but not among the allowed origins (localhost and 127.0.0.1 by default).
        String page = servedElsewhere("""
                <!doctype html><html><head><title>A site not allowed</title></head><body>
                <script src="http://localhost:%d/widget.js" async></script>
                </body></html>""".formatted(port), null, "127.0.0.2");
        driver.get(page);
        // A question the page left waiting: the widget connects at once to ask it.
        driver.executeScript("sessionStorage.setItem(arguments[0], JSON.stringify({sessionId: null, open: false,"
                + " messages: [{role: 'user', text: 'what does the UNHCR do?', id: 'c-waiting-1', pending: true,"
                + " time: new Date().toISOString()}]}))", "parley:" + base() + "/");
        driver.navigate().refresh();
        widget = new WidgetPage(driver);

        widget.waitFor(() -> "refused".equals(widget.state()));
        widget.find(".launcher").click();

        assertThat(widget.text(widget.find(".message.notice"))).contains("the chat is not available on this page");
        assertThat(widget.text(widget.find(".status"))).isEqualTo("Not available here");
        assertThat(widget.botMessages()).as("no greeting: the server said nothing").isZero();
        assertThat(widget.all(".message.user.pending")).isEmpty();
        assertThat(widget.text(widget.find(".message.user .delivery"))).isEqualTo("Not sent");
        assertThat(widget.find("#parley-input").isEnabled()).isFalse();
        screenshot("widget-refused.png");
        assertThat(browserConsole()).anySatisfy(line -> assertThat(line)
                .contains("parley.widget.allowed-origins").contains("http://127.0.0.2:"));
    }

    @Test
    void aQuestionWaitingForAServerOutOfReachIsMarkedNotSentAndCanBeRetried() {
        driver.get(base() + "/embed-example.html");
        widget.host();
        // The network fails every handshake (the server itself answers, so it does not refuse the page).
        widget.script("""
                window.__RealWebSocket = window.WebSocket;
                window.WebSocket = class extends EventTarget {
                  static OPEN = 1;
                  constructor() { super(); this.readyState = 0;
                    setTimeout(() => { this.readyState = 3; this.dispatchEvent(new Event('close')); }, 10); }
                  send() {}
                  close() {}
                };""");

        widget.script("Parley.ask('what does the IOM do?')");

        widget.waitFor(() -> "unavailable".equals(widget.state()));
        assertThat(widget.all(".message.user.pending")).isEmpty();
        assertThat(widget.text(widget.find(".message.user .delivery"))).startsWith("Not sent");
        assertThat(widget.text(widget.find(".status"))).isEqualTo("Cannot reach the server");
        widget.script("window.WebSocket = window.__RealWebSocket");

        widget.find(".message.user .retry").click();

        assertThat(widget.botMessage(1)).contains("intergovernmental");
        assertThat(widget.all(".message.user.failed")).isEmpty();
    }

    @Test
    void hostPageCssCannotHideOrMoveTheWidget() throws IOException {
        driver.get(servedElsewhere("""
                <!doctype html><html><head><style>
                * { all: unset !important; } div, section, button { display: none !important; }
                body { transform: scale(0.5); }
                </style></head><body><p>A hostile stylesheet.</p>
                <script src="http://localhost:%d/widget.js" data-open="true" async></script>
                </body></html>""".formatted(port), null));
        widget.waitUntilOnline();

        widget.type("what does the UNHCR do?");

        assertThat(widget.botMessage(2)).containsIgnoringCase("refugees");
        assertThat(widget.isOpen()).isTrue();
        assertThat(widget.script("return getComputedStyle(arguments[0]).position", widget.host())).isEqualTo("fixed");
    }

    @Test
    void theSiteOwnersAccentAndPositionAreKeptAndAnUnreadableAccentIsRefused() throws IOException {
        String strict = "script-src http://localhost:" + port + "; style-src http://localhost:" + port
                + "; connect-src ws://localhost:" + port;
        driver.get(servedElsewhere("""
                <!doctype html><html><body>
                <script src="http://localhost:%d/widget.js" data-accent="#1a5e20" data-position="left" async></script>
                </body></html>""".formatted(port), strict));

        assertThat(widget.host().getDomAttribute("data-position")).isEqualTo("left");
        widget.waitFor(() -> "rgb(26, 94, 32)".equals(launcherBackground())); // once the stylesheet is in
        assertThat(rect(".launcher").get(0)).isLessThan(640L);
        assertThat(cspViolations()).isEmpty();

        otherSite.stop(0);
        driver.get(servedElsewhere("""
                <!doctype html><html><body>
                <script src="http://localhost:%d/widget.js" data-accent="yellow" data-position="middle" async></script>
                </body></html>""".formatted(port), strict));

        // White text is not readable on yellow: the default accent stays, and the site owner is told why.
        assertThat(widget.host().getDomAttribute("data-position")).isEqualTo("right");
        widget.waitFor(() -> "rgb(11, 92, 173)".equals(launcherBackground()));
        assertThat(rect(".launcher").get(0)).isGreaterThan(640L);
        assertThat(browserConsole()).anySatisfy(message -> assertThat(message).contains("data-accent", "yellow"));
    }

    private String launcherBackground() {
        return (String) widget.script("return getComputedStyle(arguments[0].shadowRoot.querySelector('.launcher'))"
                + ".backgroundColor", widget.host());
    }

    @Test
    void rendersAnswersOnPagesThatEnforceTrustedTypes() throws IOException {
        driver.get(servedElsewhere("""
                <!doctype html><html><body>
                <script src="http://localhost:%d/widget.js" data-open="true" async></script>
                </body></html>""".formatted(port),
                "require-trusted-types-for 'script'; trusted-types dompurify; script-src http://localhost:" + port
                        + "; style-src http://localhost:" + port + "; connect-src ws://localhost:" + port));
        widget.waitUntilOnline();

        widget.type("who can refer cases to the ICC?");

        assertThat(widget.botMessage(2)).contains("state party");
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void aClosedWidgetOnAPhoneLetsTapsThroughToThePage() {
        driver.manage().window().setSize(new Dimension(360, 740));
        driver.get(base() + "/embed-example.html");
        widget.host();

        Object tapped = widget.script("return document.elementFromPoint(document.documentElement.clientWidth / 2,"
                + " window.innerHeight - 20).tagName");

        assertThat(tapped).isNotEqualTo("PARLEY-CHAT");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** An element's box in the widget, as [left, top, width, height] in whole pixels. */
    @SuppressWarnings("unchecked")
    private List<Long> rect(String css) {
        return ((List<Number>) widget.script("const box = arguments[0].shadowRoot.querySelector(arguments[1])"
                + ".getBoundingClientRect(); return [box.left, box.top, box.width, box.height].map(Math.round)",
                widget.host(), css)).stream().map(Number::longValue).toList();
    }

    private String storedSessionId() {
        return (String) widget.script("return JSON.parse(sessionStorage.getItem(arguments[0])).sessionId",
                "parley:" + base() + "/");
    }

    private List<String> browserConsole() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Serves one page from another origin (127.0.0.1 on another port), with an optional CSP. */
    private String servedElsewhere(String html, String contentSecurityPolicy) throws IOException {
        return servedElsewhere(html, contentSecurityPolicy, "127.0.0.1");
    }

    private String servedElsewhere(String html, String contentSecurityPolicy, String address) throws IOException {
        otherSite = HttpServer.create(new InetSocketAddress(address, 0), 0);
        otherSite.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            if (contentSecurityPolicy != null) {
                exchange.getResponseHeaders().add("Content-Security-Policy", contentSecurityPolicy);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        otherSite.start();
        return "http://" + address + ":" + otherSite.getAddress().getPort() + "/";
    }

    private List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
