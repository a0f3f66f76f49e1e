package dev.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.parley.knowledge.bot.Bot;
import dev.parley.knowledge.bot.BotLanguage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's strings before the welcome arrives (and for a server whose welcome predates them) are a copy of the
 * server's English ones for a bot named Parley: this test ties {@code DEFAULT_STRINGS} in
 * {@code static/widget/strings.js} to them, as {@link WidgetDefaultLimitsTest} ties the limits, so that a string
 * changed or added on the server without the widget fails here rather than in a visitor's browser.
 */
class WidgetDefaultStringsTest {

    private static final Pattern DEFAULT_STRINGS = Pattern.compile(
            "export const DEFAULT_STRINGS = Object\\.freeze\\((\\{.*?})\\);", Pattern.DOTALL);

    @Test
    void theWidgetsBuiltInStringsAreTheServersEnglishOnes() throws IOException {
        Matcher declared = DEFAULT_STRINGS.matcher(classpathText("/static/widget/strings.js"));
        assertThat(declared.find()).as("strings.js declares DEFAULT_STRINGS as %s", DEFAULT_STRINGS.pattern())
                .isTrue();

        Map<String, String> builtIn = JsonMapper.builder().build().readValue(declared.group(1),
                new TypeReference<Map<String, String>>() { });

        assertThat(builtIn).isEqualTo(Bot.neutral().widgetStrings());
        assertThat(builtIn.keySet()).isEqualTo(BotLanguage.ENGLISH.widget().keySet());
    }

    @Test
    void everyShippedLanguageHasEveryString() {
        BotLanguage.SHIPPED.values().forEach(language -> {
            assertThat(language.widget().keySet()).as(language.tag())
                    .isEqualTo(BotLanguage.ENGLISH.widget().keySet());
            assertThat(language.texts().keySet()).as(language.tag())
                    .isEqualTo(BotLanguage.ENGLISH.texts().keySet());
        });
    }

    private static String classpathText(String path) throws IOException {
        try (InputStream in = WidgetDefaultStringsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
