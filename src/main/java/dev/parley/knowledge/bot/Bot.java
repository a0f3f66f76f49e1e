package dev.parley.knowledge.bot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's own words and language, as the bot file ({@code intents/_bot.yaml}) gives them, completed from the
 * closest {@linkplain BotLanguage shipped language}. Every text has its placeholders ({@code {name}},
 * {@code {topics}}) filled in, but {@code {seconds}} in {@link BotTexts#rateLimited} and {@code {title}} in the
 * widget's strings, which only the sayer knows.
 *
 * @param name          the bot's name ("Parley")
 * @param language      the knowledge base's language, a BCP 47 tag ({@code en}, {@code fr-CA}, {@code ar})
 * @param topics        what the knowledge base covers, as short phrases; empty when nothing names them
 * @param texts         what the bot says that is not an answer
 * @param contact       a way to a person, if the owner gives one
 * @param widgetStrings every string the widget shows of its own, by key
 */
public record Bot(String name, String language, List<String> topics, BotTexts texts, Optional<Contact> contact,
                  Map<String, String> widgetStrings) {

    /** The name of a bot whose file names none. */
    public static final String DEFAULT_NAME = "Parley";

    /** The language of a knowledge base whose bot file names none. */
    public static final String DEFAULT_LANGUAGE = "en";

    public Bot {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(language, "language must not be null");
        Objects.requireNonNull(texts, "texts must not be null");
        Objects.requireNonNull(contact, "contact must not be null (use Optional.empty())");
        topics = List.copyOf(topics);
        widgetStrings = Map.copyOf(widgetStrings);
    }

    /** The bot of a knowledge base without a bot file and without topics: English, neutral, named Parley. */
    public static Bot neutral() {
        return BotWords.resolve(DEFAULT_NAME, DEFAULT_LANGUAGE, List.of(), Map.of(), Optional.empty(), Map.of());
    }

    /** {@code rtl} for a language written right to left ({@link BotLanguage#isRightToLeft}), else {@code ltr}. */
    public String direction() {
        return BotLanguage.isRightToLeft(language) ? "rtl" : "ltr";
    }
}
