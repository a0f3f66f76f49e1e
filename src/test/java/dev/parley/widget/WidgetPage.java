package dev.parley.widget;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The widget as a page object: what a visitor sees and does, reached through its Shadow DOM. */
final class WidgetPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    WidgetPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    WebElement host() {
        return wait.until(d -> d.findElement(By.id("parley-widget")));
    }

    SearchContext shadow() {
        return host().getShadowRoot();
    }

    WebElement find(String css) {
        return wait.until(d -> shadow().findElement(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return shadow().findElements(By.cssSelector(css));
    }

    WidgetPage waitUntilOnline() {
        wait.until(d -> "online".equals(host().getDomAttribute("data-state")));
        return this;
    }

    String state() {
        return host().getDomAttribute("data-state");
    }

    /** Whether the chat panel is shown: Selenium's isDisplayed() misjudges elements in shadow roots. */
    boolean isOpen() {
        return (Boolean) script("return getComputedStyle(arguments[0]).display !== 'none'", find(".panel"));
    }

    /** The rendered text of an element, read as the browser lays it out (getText() is blind in shadow roots). */
    String text(WebElement element) {
        return (String) script("return arguments[0].innerText", element);
    }

    void type(String text) {
        WebElement input = find("#parley-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** What a bubble shows, without the speaker prefix that only screen readers hear. */
    String bubbleText(WebElement bubble) {
        return (String) script("return Array.from(arguments[0].childNodes)"
                + ".filter((n) => !(n.classList && n.classList.contains('visually-hidden')))"
                + ".map((n) => n.nodeType === Node.TEXT_NODE ? n.textContent : n.innerText).join('\\n').trim()", bubble);
    }

    /** Waits for the n-th bot message (1-based) and returns its text. */
    String botMessage(int n) {
        wait.until(d -> all(".message.bot").size() >= n);
        return bubbleText(all(".message.bot .bubble").get(n - 1));
    }

    int botMessages() {
        return all(".message.bot").size();
    }

    List<String> userMessages() {
        return all(".message.user .bubble").stream().map(this::bubbleText).toList();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void waitFor(java.util.function.BooleanSupplier condition) {
        wait.until(d -> condition.getAsBoolean());
    }
}
