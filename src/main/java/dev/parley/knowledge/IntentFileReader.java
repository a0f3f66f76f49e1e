package dev.parley.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.parley.text.Phrasing;
import dev.parley.text.UserText;

/** Parses and validates one intent file on its own; checks across files are the loader's. */
final class IntentFileReader {

    static final Set<String> KNOWN_KEYS = Set.of("question", "examples", "answer", "source", "followups", "tags");
    private static final Set<String> SOURCE_KEYS = Set.of("document", "excerpt", "url");
    private static final Set<String> DOCUMENT_KEYS = Set.of("title", "url");

    private final SeedDocuments seeds;
    private final int minimumExamples;
    private final IntentFileLimits limits;

    IntentFileReader(SeedDocuments seeds, int minimumExamples, IntentFileLimits limits) {
        this.seeds = seeds;
        this.minimumExamples = minimumExamples;
        this.limits = limits;
    }

    record Result(Optional<Intent> intent, List<IntentProblem> problems) {
    }

    Result read(Path file, String yamlText) {
        var check = new FileCheck(file.toString());
        String id = IntentLoader.idOf(file);
        if (!Intent.hasIdFormat(id)) {
            check.problem("-", "has a name that is no valid intent id: use lower-case letters (in any script),"
                    + " digits and single hyphens, e.g. icc-referral.yaml");
        } else if (id.length() > Intent.MAX_ID_LENGTH) {
            // Every answer would fail to be kept, as a 503: the exchange keeps the id in 100 characters.
            check.problem("-", "has a name of " + id.length() + " characters; an intent id may have at most "
                    + Intent.MAX_ID_LENGTH);
        }
        Optional<Map<?, ?>> mapping = check.mapping(yamlText, KNOWN_KEYS);
        if (mapping.isEmpty()) {
            return check.result(Optional.empty());
        }
        Map<?, ?> fields = mapping.get();

        String question = check.question(fields);
        // optional: the canonical question is itself an example, so a question and an answer make an intent
        List<String> examples = check.textList(fields, "examples", false);
        String answer = check.requiredText(fields, "answer", IntentFileLimits.MAX_ANSWER_LENGTH);
        List<String> followups = check.textList(fields, "followups", false);
        List<String> tags = check.textList(fields, "tags", false);
        if (!(fields.get("examples") != null && !(fields.get("examples") instanceof List))
                && 1 + examples.size() < minimumExamples) {
            check.problem("examples", "needs at least " + minimumExamples + " phrasings counting the question, found "
                    + (1 + examples.size()));
        }
        check.noRepeatedExamples(examples);
        Optional<Source> source = check.source(fields.get("source"), tags.contains(Intent.SMALL_TALK));
        if (!check.ok()) {
            return check.result(Optional.empty());
        }
        return check.result(Optional.of(new Intent(id, question, examples, answer.strip(), source, followups, tags)));
    }

    /** The examples of the out-of-scope file, or the problems that keep it from loading. */
    record OutOfScopeResult(List<String> examples, List<IntentProblem> problems) {
    }

    /** Parses and validates the file of questions near the knowledge base that it does not answer. */
    OutOfScopeResult readOutOfScope(Path file, String yamlText) {
        var check = new FileCheck(file.toString());
        Optional<Map<?, ?>> mapping = check.mapping(yamlText, Set.of("examples"));
        if (mapping.isEmpty()) {
            return new OutOfScopeResult(List.of(), List.copyOf(check.problems));
        }
        List<String> examples = check.textList(mapping.get(), "examples", true);
        check.noRepeatedExamples(examples);
        return new OutOfScopeResult(check.ok() ? examples : List.of(), List.copyOf(check.problems));
    }

    /** The titled documents of the index file, by file name, or the problems that keep it from loading. */
    record DocumentIndexResult(Map<String, SourceDocument> documents, List<IntentProblem> problems) {
    }

    /**
     * Parses and validates the seeds' index ({@value SeedDocuments#INDEX_FILE}): a mapping from each document's file
     * name to its {@code title} and, optionally, its {@code url}.
     */
    DocumentIndexResult readDocumentIndex(Path file, String yamlText) {
        var check = new FileCheck(file.toString());
        StrictYaml.Parsed parsed = limits.yaml().parse(yamlText);
        if (parsed.problem().isPresent()) {
            check.problem("-", parsed.problem().get());
            return new DocumentIndexResult(Map.of(), List.copyOf(check.problems));
        }
        Object root = parsed.root();
        if (root == null) {
            return new DocumentIndexResult(Map.of(), List.of()); // an empty index titles nothing
        }
        if (!(root instanceof Map<?, ?> entries)) {
            check.problem("-", "must be a YAML mapping from each document's file name to its title and url, e.g."
                    + " 'report.txt: {title: Annual report, url: https://www.example.org/report}'");
            return new DocumentIndexResult(Map.of(), List.copyOf(check.problems));
        }
        var documents = new TreeMap<String, SourceDocument>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!seeds.has(name)) {
                check.problem(name, "names no document in the seeds folder (it has: " + String.join(", ", seeds.names())
                        + ")");
                continue;
            }
            check.document(name, entry.getValue()).ifPresent(document -> documents.put(name, document));
        }
        return new DocumentIndexResult(check.ok() ? documents : Map.of(), List.copyOf(check.problems));
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }

    /** Collects the problems of one file while its fields are read. */
    private final class FileCheck {
        private final String file;
        private final List<IntentProblem> problems = new ArrayList<>();

        FileCheck(String file) {
            this.file = file;
        }

        void problem(String field, String reason) {
            problems.add(new IntentProblem(file, field, reason));
        }

        boolean ok() {
            return problems.isEmpty();
        }

        Result result(Optional<Intent> intent) {
            return new Result(intent, List.copyOf(problems));
        }

        /**
         * The file's top-level mapping, with a problem for each key not in {@code knownKeys}; empty, with the
         * problem noted, when the text is no YAML or no mapping.
         */
        Optional<Map<?, ?>> mapping(String yamlText, Set<String> knownKeys) {
            StrictYaml.Parsed parsed = limits.yaml().parse(yamlText);
            if (parsed.problem().isPresent()) {
                problem("-", parsed.problem().get());
                return Optional.empty();
            }
            Object root = parsed.root();
            boolean oneKey = knownKeys.size() == 1;
            if (!(root instanceof Map<?, ?> fields)) {
                problem("-", "must be a YAML mapping with the " + (oneKey ? "key " : "keys ") + sorted(knownKeys));
                return Optional.empty();
            }
            String known = oneKey ? "the only key here is " + sorted(knownKeys) : "known keys: " + sorted(knownKeys);
            fields.keySet().stream().map(String::valueOf).filter(key -> !knownKeys.contains(key)).sorted()
                    .forEach(key -> problem(key, "is not a known key (" + known + ")"));
            return Optional.of(fields);
        }

        String requiredText(Map<?, ?> fields, String key, int maxLength) {
            String text = requiredText(fields, key, "");
            IntentFileLimits.lengthProblem(text, maxLength).ifPresent(reason -> problem(key, reason));
            return text;
        }

        /** The canonical question: a chip sends it as a visitor's question, so it follows the rule every one does. */
        String question(Map<?, ?> fields) {
            String question = requiredText(fields, "question", "");
            if (!question.isEmpty()) {
                UserText.problemWith(question, UserText.MAX_LENGTH)
                        .ifPresent(problem -> problem("question", problem.description()));
            }
            return question;
        }

        String requiredText(Map<?, ?> fields, String key, String parent) {
            Object value = fields.get(key);
            String field = parent + key;
            if (value == null) {
                problem(field, fields.containsKey(key) ? "is empty" : "is missing");
                return "";
            }
            if (!(value instanceof String text)) {
                problem(field, "must be text, found " + StrictYaml.describe(value));
                return "";
            }
            if (text.isBlank()) {
                problem(field, "is blank");
            }
            return text.strip();
        }

        List<String> textList(Map<?, ?> fields, String key, boolean required) {
            Object value = fields.get(key);
            if (value == null) {
                if (required) {
                    problem(key, fields.containsKey(key) ? "is empty" : "is missing");
                }
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                problem(key, "must be a list, found " + StrictYaml.describe(value));
                return List.of();
            }
            var texts = new ArrayList<String>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item instanceof String text && !text.isBlank()) {
                    // An example is a question a user would ask: it follows the rule every question follows.
                    Optional<UserText.Problem> problem = key.equals("examples")
                            ? UserText.problemWith(text, UserText.MAX_LENGTH) : Optional.empty();
                    if (problem.isPresent()) {
                        problem(key + "[" + i + "]", problem.get().description());
                    } else {
                        texts.add(text.strip());
                    }
                } else {
                    problem(key + "[" + i + "]", "must be non-blank text, found " + StrictYaml.describe(item));
                }
            }
            return texts;
        }

        void noRepeatedExamples(List<String> examples) {
            var firstIndex = new HashMap<String, Integer>();
            for (int i = 0; i < examples.size(); i++) {
                Integer earlier = firstIndex.putIfAbsent(Phrasing.comparable(examples.get(i)), i);
                if (earlier != null) {
                    problem("examples[" + i + "]", "repeats examples[" + earlier + "]: '" + examples.get(i) + "'");
                }
            }
        }

        Optional<Source> source(Object value, boolean smallTalk) {
            if (value == null) {
                if (!smallTalk) {
                    problem("source", "is missing (only intents tagged '" + Intent.SMALL_TALK + "' may omit it)");
                }
                return Optional.empty();
            }
            if (!(value instanceof Map<?, ?> fields)) {
                problem("source", "must be a mapping with 'document' and 'excerpt', found " + StrictYaml.describe(value));
                return Optional.empty();
            }
            fields.keySet().stream().map(String::valueOf).filter(key -> !SOURCE_KEYS.contains(key)).sorted()
                    .forEach(key -> problem("source." + key, "is not a known key (known keys: document, excerpt, url)"));
            String document = requiredText(fields, "document", "source.");
            String excerpt = requiredText(fields, "excerpt", "source.");
            Optional<String> url = link(fields, "source.");
            if (document.isEmpty() || excerpt.isEmpty()) {
                return Optional.empty();
            }
            if (!seeds.has(document)) {
                problem("source.document", "names '" + document + "', which is not in the seeds folder (it has: "
                        + String.join(", ", seeds.names()) + ")");
            } else if (!seeds.quotes(document, excerpt)) {
                problem("source.excerpt", "does not stand word for word in " + document);
            }
            return Optional.of(new Source(document, excerpt, url));
        }

        /** One entry of the documents' index: the mapping under a document's file name. */
        Optional<SourceDocument> document(String name, Object value) {
            if (!(value instanceof Map<?, ?> fields)) {
                problem(name, "must be a mapping with 'title' and, if the document is published, 'url'; found "
                        + StrictYaml.describe(value));
                return Optional.empty();
            }
            int before = problems.size();
            fields.keySet().stream().map(String::valueOf).filter(key -> !DOCUMENT_KEYS.contains(key)).sorted()
                    .forEach(key -> problem(name + "." + key, "is not a known key (known keys: title, url)"));
            String title = requiredText(fields, "title", name + ".");
            if (title.contains("\n") || title.contains("\r")) {
                problem(name + ".title", "must be one line");
            } else if (title.codePointCount(0, title.length()) > SourceDocument.MAX_TITLE_LENGTH) {
                problem(name + ".title", "must be at most " + SourceDocument.MAX_TITLE_LENGTH + " characters, found "
                        + title.codePointCount(0, title.length()));
            }
            Optional<String> url = link(fields, name + ".");
            return problems.size() == before ? Optional.of(new SourceDocument(name, title, url)) : Optional.empty();
        }

        /** The optional {@code url} of a mapping, which must be a web link (a document's, or a source's). */
        Optional<String> link(Map<?, ?> fields, String parent) {
            if (!fields.containsKey("url")) {
                return Optional.empty();
            }
            Object link = fields.get("url");
            if (link instanceof String text && SourceDocument.isWebLink(text.strip())) {
                return Optional.of(text.strip());
            }
            problem(parent + "url", "must be an http or https URL, e.g. https://www.example.org/report, found "
                    + (link instanceof String text ? "'" + text + "'" : StrictYaml.describe(link)));
            return Optional.empty();
        }
    }
}
