package dev.parley.knowledge.bot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bot's words are made from what the bot file gives: each text the file leaves out is the closest shipped
 * language's (English where that has none), and the placeholders are filled in. The one rule of which placeholders
 * a text may hold.
 */
public final class BotWords {

    /** The bot's name, in any text. */
    public static final String NAME = "{name}";
    /** The topics, joined as a phrase ("a, b and c"), in any text. */
    public static final String TOPICS = "{topics}";
    /** The page's title for the widget ({@code data-title}, else the {@code title} string), in the widget's strings. */
    public static final String TITLE = "{title}";

    /** The texts a bot file may give under {@code texts}, in the order documented. */
    public static final List<String> TEXT_KEYS = List.of("welcome", "fallback", "clarification", "topic-exhausted",
            "rate-limited", "unavailable", "contact");

    /** The strings a bot file may give under {@code widget}: every one the widget shows. */
    public static final Set<String> WIDGET_KEYS = BotLanguage.ENGLISH.widget().keySet();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z-]+}");

    private BotWords() {
    }

    /** The placeholders a text under {@code texts.<key>} may hold. */
    public static Set<String> placeholdersOfText(String key) {
        return key.equals("rate-limited") ? Set.of(NAME, TOPICS, BotTexts.SECONDS) : Set.of(NAME, TOPICS);
    }

    /** The placeholders a widget string may hold. */
    public static Set<String> placeholdersOfWidget() {
        return Set.of(NAME, TOPICS, TITLE);
    }

    /** The placeholders in {@code text} that are not among {@code allowed}, in order of first use. */
    public static Set<String> unknownPlaceholders(String text, Set<String> allowed) {
        var unknown = new TreeSet<String>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group())) {
                unknown.add(matcher.group());
            }
        }
        return unknown;
    }

    /**
     * The bot, its texts and strings complete.
     *
     * @param givenTexts   the bot file's {@code texts}, by {@link #TEXT_KEYS key}
     * @param givenWidget  the bot file's {@code widget} strings, by {@link #WIDGET_KEYS key}
     */
    public static Bot resolve(String name, String language, List<String> topics, Map<String, String> givenTexts,
                              Optional<Contact> contact, Map<String, String> givenWidget) {
        BotLanguage words = BotLanguage.closestTo(language).orElse(BotLanguage.ENGLISH);
        String topicPhrase = words.join(topics);
        var texts = new LinkedHashMap<String, String>();
        for (String key : TEXT_KEYS) {
            String text = givenTexts.get(key);
            if (text == null) {
                boolean withoutTopics = topics.isEmpty() && words.texts().containsKey(key + "-without-topics");
                text = words.texts().get(withoutTopics ? key + "-without-topics" : key);
            }
            texts.put(key, fill(text, name, topicPhrase));
        }
        var widget = new LinkedHashMap<String, String>();
        for (String key : WIDGET_KEYS) {
            String string = givenWidget.getOrDefault(key, words.widget().getOrDefault(key,
                    BotLanguage.ENGLISH.widget().get(key)));
            widget.put(key, fill(string, name, topicPhrase));
        }
        var botTexts = new BotTexts(texts.get("welcome"), texts.get("fallback"), texts.get("clarification"),
                texts.get("topic-exhausted"), texts.get("rate-limited"), texts.get("unavailable"), texts.get("contact"));
        return new Bot(name, language, topics, botTexts, contact, widget);
    }

    private static String fill(String text, String name, String topics) {
        return text.replace(NAME, name).replace(TOPICS, topics);
    }
}
