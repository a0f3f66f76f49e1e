package dev.parley.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.parley.knowledge.bot.BotLanguage;
import dev.parley.knowledge.bot.BotWords;
import dev.parley.knowledge.bot.Contact;

/**
 * Parses and validates the bot file ({@value #BOT_FILE}) as strictly as an intent file: the strict YAML parser,
 * unknown keys refused by name, a bound on every text. What it leaves out is completed by the loader.
 */
final class BotFileReader {

    /**
     * The bot's settings beside the intents ({@code .yml} is read too); its underscore keeps it apart from intent
     * ids, which never start with one.
     */
    static final String BOT_FILE = "_bot.yaml";

    static final int MAX_NAME_LENGTH = 60;
    static final int MAX_TOPICS = 10;
    static final int MAX_TOPIC_LENGTH = 120;
    static final int MAX_TEXT_LENGTH = 1_000;
    static final int MAX_WIDGET_STRING_LENGTH = 300;
    static final int MAX_LABEL_LENGTH = 100;
    static final int MAX_URL_LENGTH = 2_000;

    private static final Set<String> KNOWN_KEYS = Set.of("name", "language", "topics", "texts", "contact", "widget");
    private static final Set<String> CONTACT_KEYS = Set.of("label", "url");

    private final IntentFileLimits limits;

    BotFileReader(IntentFileLimits limits) {
        this.limits = limits;
    }

    /** What the bot file says, every part optional. */
    record BotFile(Optional<String> name, Optional<String> language, List<String> topics, Map<String, String> texts,
                   Optional<Contact> contact, Map<String, String> widget) {
        static final BotFile NONE = new BotFile(Optional.empty(), Optional.empty(), List.of(), Map.of(),
                Optional.empty(), Map.of());
    }

    record Result(BotFile bot, List<IntentProblem> problems) {
    }

    Result read(Path path, String yamlText) {
        var check = new Check(path.toString());
        StrictYaml.Parsed parsed = limits.yaml().parse(yamlText);
        if (parsed.problem().isPresent()) {
            check.problem("-", parsed.problem().get());
            return check.result(BotFile.NONE);
        }
        if (parsed.root() == null) {
            return check.result(BotFile.NONE); // an empty bot file changes nothing
        }
        if (!(parsed.root() instanceof Map<?, ?> fields)) {
            check.problem("-", "must be a YAML mapping with the keys " + sorted(KNOWN_KEYS));
            return check.result(BotFile.NONE);
        }
        check.unknownKeys(fields, "", KNOWN_KEYS);
        Optional<String> name = check.line(fields, "name", "", MAX_NAME_LENGTH);
        Optional<String> language = check.line(fields, "language", "", 35);
        if (language.isPresent() && !BotLanguage.isLanguageTag(language.get())) {
            check.problem("language", "is not a BCP 47 language tag, e.g. en, fr-CA or ar; found '" + language.get()
                    + "'");
            language = Optional.empty();
        }
        List<String> topics = check.topics(fields.get("topics"));
        Map<String, String> texts = check.texts(fields.get("texts"), "texts", Set.copyOf(BotWords.TEXT_KEYS),
                MAX_TEXT_LENGTH);
        Map<String, String> widget = check.texts(fields.get("widget"), "widget", BotWords.WIDGET_KEYS,
                MAX_WIDGET_STRING_LENGTH);
        Optional<Contact> contact = check.contact(fields.get("contact"));
        return check.result(new BotFile(name, language, topics, texts, contact, widget));
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", new TreeSet<>(keys));
    }

    /** Collects the problems of the bot file while its fields are read. */
    private static final class Check {
        private final String file;
        private final List<IntentProblem> problems = new ArrayList<>();

        Check(String file) {
            this.file = file;
        }

        void problem(String field, String reason) {
            problems.add(new IntentProblem(file, field, reason));
        }

        Result result(BotFile bot) {
            return new Result(problems.isEmpty() ? bot : BotFile.NONE, List.copyOf(problems));
        }

        void unknownKeys(Map<?, ?> fields, String parent, Set<String> known) {
            fields.keySet().stream().map(String::valueOf).filter(key -> !known.contains(key)).sorted()
                    .forEach(key -> problem(parent + key, "is not a known key (known keys: " + sorted(known) + ")"));
        }

        /** An optional one-line text of at most {@code maxLength} characters. */
        Optional<String> line(Map<?, ?> fields, String key, String parent, int maxLength) {
            if (!fields.containsKey(key)) {
                return Optional.empty();
            }
            Optional<String> text = text(fields.get(key), parent + key, maxLength);
            if (text.isPresent() && (text.get().contains("\n") || text.get().contains("\r"))) {
                problem(parent + key, "must be one line");
                return Optional.empty();
            }
            return text;
        }

        Optional<String> text(Object value, String field, int maxLength) {
            if (!(value instanceof String text) || text.isBlank()) {
                problem(field, "must be non-blank text, found " + StrictYaml.describe(value));
                return Optional.empty();
            }
            Optional<String> tooLong = IntentFileLimits.lengthProblem(text.strip(), maxLength);
            tooLong.ifPresent(reason -> problem(field, reason));
            return tooLong.isPresent() ? Optional.empty() : Optional.of(text.strip());
        }

        List<String> topics(Object value) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                problem("topics", "must be a list of short phrases, found " + StrictYaml.describe(value));
                return List.of();
            }
            if (items.size() > MAX_TOPICS) {
                problem("topics", "has " + items.size() + " entries; name at most " + MAX_TOPICS);
            }
            var topics = new ArrayList<String>();
            for (int i = 0; i < items.size(); i++) {
                Optional<String> topic = text(items.get(i), "topics[" + i + "]", MAX_TOPIC_LENGTH);
                if (topic.isPresent() && topic.get().contains("\n")) {
                    problem("topics[" + i + "]", "must be one line");
                } else {
                    topic.ifPresent(topics::add);
                }
            }
            return topics;
        }

        /** A mapping of texts by key, each within its length and holding only the placeholders it may. */
        Map<String, String> texts(Object value, String parent, Set<String> known, int maxLength) {
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> entries)) {
                problem(parent, "must be a mapping of texts by key (known keys: " + sorted(known) + ")");
                return Map.of();
            }
            unknownKeys(entries, parent + ".", known);
            var texts = new LinkedHashMap<String, String>();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!known.contains(key)) {
                    continue;
                }
                String field = parent + "." + key;
                text(entry.getValue(), field, maxLength).ifPresent(text -> {
                    Set<String> allowed = parent.equals("widget") ? BotWords.placeholdersOfWidget()
                            : BotWords.placeholdersOfText(key);
                    Set<String> unknown = BotWords.unknownPlaceholders(text, allowed);
                    if (!unknown.isEmpty()) {
                        problem(field, "uses " + String.join(", ", unknown) + ", which it cannot hold (it may use "
                                + sorted(allowed) + ")");
                    } else {
                        texts.put(key, text);
                    }
                });
            }
            return texts;
        }

        Optional<Contact> contact(Object value) {
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof Map<?, ?> fields)) {
                problem("contact", "must be a mapping with 'label' and 'url', e.g. {label: Write to us, url:"
                        + " 'mailto:help@example.org'}; found " + StrictYaml.describe(value));
                return Optional.empty();
            }
            unknownKeys(fields, "contact.", CONTACT_KEYS);
            if (!fields.containsKey("label")) {
                problem("contact.label", "is missing: say what the link offers, e.g. 'Write to our team'");
            }
            if (!fields.containsKey("url")) {
                problem("contact.url", "is missing: a page (https://…) or an e-mail address (mailto:…)");
            }
            Optional<String> label = fields.containsKey("label")
                    ? line(fields, "label", "contact.", MAX_LABEL_LENGTH) : Optional.empty();
            Optional<String> url = fields.containsKey("url")
                    ? line(fields, "url", "contact.", MAX_URL_LENGTH) : Optional.empty();
            if (url.isPresent() && !Contact.isContactLink(url.get())) {
                problem("contact.url", "must be an http, https or mailto URL, e.g. https://www.example.org/contact or"
                        + " mailto:help@example.org; found '" + url.get() + "'");
                return Optional.empty();
            }
            return label.isPresent() && url.isPresent() ? Optional.of(new Contact(label.get(), url.get()))
                    : Optional.empty();
        }
    }
}
