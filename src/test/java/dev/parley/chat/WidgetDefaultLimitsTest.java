package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.parley.text.UserText;

/**
 * The widget's limits before the welcome arrives (and for a server whose welcome predates its {@code limits} field)
 * are a copy of the server's: this test ties {@code DEFAULT_LIMITS} in {@code static/widget/frames.js} to them, so
 * that changing the server's limit without the widget's fails here rather than in a visitor's browser.
 */
class WidgetDefaultLimitsTest {

    private static final Pattern DEFAULT_LIMITS = Pattern.compile(
            "export const DEFAULT_LIMITS = Object\\.freeze\\(\\{\\s*questionCharacters:\\s*(\\d+),\\s*"
                    + "commentCharacters:\\s*(\\d+)\\s*}\\);");

    @Test
    void theWidgetsDefaultLimitsAreTheLimitsTheWelcomeSends() throws IOException {
        Matcher declared = DEFAULT_LIMITS.matcher(classpathText("/static/widget/frames.js"));
        assertThat(declared.find()).as("frames.js declares DEFAULT_LIMITS as %s", DEFAULT_LIMITS.pattern()).isTrue();

        var widgetDefaults = new ServerMessages.Limits(Integer.parseInt(declared.group(1)),
                Integer.parseInt(declared.group(2)));

        assertThat(widgetDefaults).isEqualTo(ServerMessages.Limits.ACCEPTED)
                .isEqualTo(new ServerMessages.Limits(UserText.MAX_LENGTH, UserText.MAX_LENGTH));
    }

    private static String classpathText(String path) throws IOException {
        try (InputStream in = WidgetDefaultLimitsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
