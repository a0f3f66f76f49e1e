package dev.parley.widget;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.parley.testing.Requirement;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: no browser is ever downloaded. A browser test class
 * is annotated {@code @Requires(Requirement.CHROMIUM)}: without them its tests are counted as skipped, with the
 * reason, on a developer's machine, but fail in CI, which installs them (.ci/run).
 */
public final class Browser {

    static final Path CHROMIUM = Requirement.CHROMIUM_BINARY;
    static final Path CHROMEDRIVER = Requirement.CHROMEDRIVER_BINARY;

    private Browser() {
    }

    public static ChromeDriver start(int width, int height) {
        // Reached without them only in CI, or from a class that lacks @Requires: fail in CI, skip elsewhere.
        Requirement.CHROMIUM.missing().ifPresent(missing -> {
            if (!Requirement.inCi(System.getenv())) {
                Assumptions.abort(missing);
            }
        });
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height);
        // Browser console messages, for asserting that the pages cause no Content-Security-Policy violation.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
