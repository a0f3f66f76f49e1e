package dev.parley.knowledge.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A language Parley ships words for ({@code en.yaml}, {@code fr.yaml} beside this class): the bot's own texts when
 * the bot file gives none, the widget's strings, and how a list of topics is joined ("a, b and c"). A knowledge
 * base's language is matched to the closest one shipped ({@code fr-CA} gets French); a language none matches gets
 * English, and the loader warns.
 *
 * @param tag              the BCP 47 tag of the words ({@code en})
 * @param and              the word that joins the last two topics of a list
 * @param leadingArticles  the words a title may start with that read lower-case inside a sentence ("The role of…"
 *                         becomes "the role of…" as a topic); compared ignoring case
 * @param texts            the bot's own texts, by key ({@code welcome}, {@code fallback}, …)
 * @param widget           the widget's strings, by key ({@code placeholder}, {@code send}, …)
 */
public record BotLanguage(String tag, String and, List<String> leadingArticles, Map<String, String> texts,
                          Map<String, String> widget) {

    /** The language every other one falls back to, word by word. */
    public static final BotLanguage ENGLISH = load("en");

    /** Every language shipped, by tag. */
    public static final Map<String, BotLanguage> SHIPPED = Map.of("en", ENGLISH, "fr", load("fr"));

    /*
     * Right-to-left: the scripts written so (ISO 15924), and the languages whose usual script is one of them when the
     * tag names no script. A small known list, after CLDR's likely scripts; the JDK has no such table outside AWT.
     */
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Mand",
            "Samr", "Mend", "Rohg", "Yezi");
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps",
            "sd", "syr", "ug", "ur", "yi", "ji", "prs", "pnb", "mzn", "glk", "lrc", "bal", "azb", "nqo");

    public BotLanguage {
        leadingArticles = List.copyOf(leadingArticles);
        texts = Map.copyOf(texts);
        widget = Map.copyOf(widget);
    }

    /** Whether {@code tag} is a well-formed BCP 47 language tag ({@code en}, {@code fr-CA}, {@code ar}). */
    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        try {
            return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** The shipped language closest to {@code tag} ({@code fr-CA} gets {@code fr}), or empty when none is. */
    public static Optional<BotLanguage> closestTo(String tag) {
        String found = Locale.lookupTag(Locale.LanguageRange.parse(tag), SHIPPED.keySet());
        return Optional.ofNullable(found).map(SHIPPED::get);
    }

    /** Whether a language is written right to left: by its script subtag when it has one, else by the language. */
    public static boolean isRightToLeft(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (!locale.getScript().isEmpty()) {
            return RTL_SCRIPTS.contains(locale.getScript());
        }
        return RTL_LANGUAGES.contains(locale.getLanguage());
    }

    /** The topics as a phrase: "a", "a and b", "a, b and c". */
    public String join(List<String> topics) {
        if (topics.size() <= 1) {
            return topics.isEmpty() ? "" : topics.get(0);
        }
        return String.join(", ", topics.subList(0, topics.size() - 1)) + " " + and + " " + topics.get(topics.size() - 1);
    }

    /** A document title as a topic inside a sentence: a leading article lower-cased, the rest as written. */
    public String asTopic(String title) {
        int space = title.indexOf(' ');
        if (space > 0) {
            String first = title.substring(0, space);
            if (leadingArticles.stream().anyMatch(article -> article.equalsIgnoreCase(first))) {
                return first.toLowerCase(Locale.ROOT) + title.substring(space);
            }
        }
        return title;
    }

    private static BotLanguage load(String tag) {
        String resource = tag + ".yaml";
        try (InputStream in = BotLanguage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + resource + " is missing from the class path");
            }
            Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> articles = ((List<?>) root.get("leading-articles")).stream().map(String::valueOf).toList();
            return new BotLanguage(tag, String.valueOf(root.get("and")), articles, strings(root.get("texts")),
                    strings(root.get("widget")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + resource, e);
        }
    }

    private static Map<String, String> strings(Object map) {
        var strings = new LinkedHashMap<String, String>();
        ((Map<?, ?>) map).forEach((key, value) -> strings.put(String.valueOf(key), String.valueOf(value).strip()));
        return strings;
    }
}
