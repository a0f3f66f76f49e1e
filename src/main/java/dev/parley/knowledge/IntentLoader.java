package dev.parley.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.knowledge.bot.Bot;
import dev.parley.knowledge.bot.BotLanguage;
import dev.parley.knowledge.bot.BotWords;
import dev.parley.text.Phrasing;

/**
 * Reads every {@code *.yaml} / {@code *.yml} file of an intents folder, validates each one and the set as a whole, and
 * builds the {@link KnowledgeBase}. Nothing is half-loaded: either every file is valid or an
 * {@link InvalidKnowledgeException} lists every problem found, by file and field. The seeds' index of titles
 * ({@value SeedDocuments#INDEX_FILE}) is validated with them, the same way, and so is the bot file
 * ({@value BotFileReader#BOT_FILE}), the bot's own words and language.
 */
final class IntentLoader {

    private static final Logger log = LoggerFactory.getLogger(IntentLoader.class);

    /**
     * The file, beside the intents, of questions the knowledge base does not answer ({@code .yml} is read too); its
     * underscore keeps it apart from intent ids, which never start with one.
     */
    static final String OUT_OF_SCOPE_FILE = "_out-of-scope.yaml";
    private static final String OUT_OF_SCOPE_NAME = idOf(Path.of(OUT_OF_SCOPE_FILE));
    private static final String BOT_NAME = idOf(Path.of(BotFileReader.BOT_FILE));
    /** At most this many document titles are taken as the topics of a bot file that names none. */
    private static final int MAX_DERIVED_TOPICS = 5;

    private final SeedDocuments seeds;
    private final IntentFileReader fileReader;
    private final IntentFileLimits limits;
    private final BotFileReader botReader;

    IntentLoader(SeedDocuments seeds, int minimumExamples, IntentFileLimits limits) {
        this.seeds = seeds;
        this.fileReader = new IntentFileReader(seeds, minimumExamples, limits);
        this.limits = limits;
        this.botReader = new BotFileReader(limits);
    }

    /** Loads the knowledge base from {@code intentsFolder}, or throws listing every problem. */
    KnowledgeBase load(Path intentsFolder) {
        if (!Files.isDirectory(intentsFolder)) {
            throw new InvalidKnowledgeException(List.of(new IntentProblem(intentsFolder.toString(), "-",
                    "is not a folder (set parley.knowledge.intents-dir to the folder of intent files)")));
        }
        var problems = new ArrayList<IntentProblem>();
        var intents = new ArrayList<Intent>();
        var fileById = new HashMap<String, Path>();
        Map<String, List<Path>> byKind = intentFiles(intentsFolder).stream()
                .collect(Collectors.groupingBy(IntentLoader::kindOf));
        List<Path> files = byKind.getOrDefault("", List.of());
        OutOfScopeQuestions outOfScope = outOfScope(byKind.getOrDefault(OUT_OF_SCOPE_NAME, List.of()), intentsFolder,
                problems);
        BotFileReader.BotFile botFile = botFile(byKind.getOrDefault(BOT_NAME, List.of()), problems);
        Map<String, SourceDocument> titled = documentIndex(problems);
        // Follow-ups may name a file that has problems of its own: those are reported once, for that file.
        var idsOfAllFiles = files.stream().map(IntentLoader::idOf).collect(Collectors.toSet());
        for (Path file : files) {
            Optional<String> text = text(file, problems);
            if (text.isEmpty()) {
                continue;
            }
            var result = fileReader.read(file, text.get());
            problems.addAll(result.problems());
            result.intent().ifPresent(intent -> {
                Path earlier = fileById.putIfAbsent(intent.id(), file);
                if (earlier != null) {
                    problems.add(new IntentProblem(file.toString(), "-",
                            "has the same id '" + intent.id() + "' as " + earlier));
                } else {
                    intents.add(intent);
                }
            });
        }
        if (intents.isEmpty() && problems.isEmpty()) {
            problems.add(new IntentProblem(intentsFolder.toString(), "-", "holds no intent files (*.yaml)"));
        }
        problems.addAll(crossChecks(intents, fileById, idsOfAllFiles, outOfScope));
        Path botPath = byKind.getOrDefault(BOT_NAME, List.of(intentsFolder.resolve(BotFileReader.BOT_FILE))).get(0);
        Bot bot = bot(botFile, botPath, titled, intents, problems);
        if (!problems.isEmpty()) {
            throw new InvalidKnowledgeException(problems);
        }
        ContactIntent.forKnowledge(bot, intents, outOfScope.examples()).ifPresent(intents::add);
        return new KnowledgeBase(intents, outOfScope.examples(), documents(titled, intents), bot);
    }

    private static String kindOf(Path file) {
        String id = idOf(file);
        return id.equals(OUT_OF_SCOPE_NAME) || id.equals(BOT_NAME) ? id : "";
    }

    private BotFileReader.BotFile botFile(List<Path> files, List<IntentProblem> problems) {
        if (files.isEmpty()) {
            return BotFileReader.BotFile.NONE;
        }
        if (files.size() > 1) {
            problems.add(new IntentProblem(files.get(1).toString(), "-",
                    "repeats " + files.get(0).getFileName() + ": keep one bot file"));
            return BotFileReader.BotFile.NONE;
        }
        Optional<String> text = text(files.get(0), problems);
        if (text.isEmpty()) {
            return BotFileReader.BotFile.NONE;
        }
        var result = botReader.read(files.get(0), text.get());
        problems.addAll(result.problems());
        return result.bot();
    }

    /**
     * The bot, completed: what the bot file leaves out is the closest shipped language's. Its topics are the file's,
     * else the titles the seeds' index gives the documents the intents quote (a leading article lower-cased), else
     * none, and then the texts that would name them do not.
     */
    private Bot bot(BotFileReader.BotFile file, Path path, Map<String, SourceDocument> titled, List<Intent> intents,
                    List<IntentProblem> problems) {
        String language = file.language().orElse(Bot.DEFAULT_LANGUAGE);
        BotLanguage words = BotLanguage.closestTo(language).orElse(BotLanguage.ENGLISH);
        if (BotLanguage.closestTo(language).isEmpty()) {
            log.warn("{}: Parley ships no words for language '{}' (it has: {}); the bot's own texts and the widget's"
                    + " strings that the file leaves out are English", path, language,
                    String.join(", ", new TreeSet<>(BotLanguage.SHIPPED.keySet())));
        }
        List<String> topics = file.topics();
        if (topics.isEmpty()) {
            var quoted = intents.stream().flatMap(intent -> intent.source().stream()).map(Source::document)
                    .collect(Collectors.toSet());
            topics = titled.values().stream().filter(document -> quoted.contains(document.name()))
                    .map(document -> words.asTopic(document.title())).limit(MAX_DERIVED_TOPICS).toList();
        }
        if (topics.isEmpty()) {
            file.texts().forEach((key, text) -> {
                if (text.contains(BotWords.TOPICS)) {
                    problems.add(new IntentProblem(path.toString(), "texts." + key, "uses " + BotWords.TOPICS
                            + ", but there are no topics to name: give the bot file 'topics'"));
                }
            });
        }
        return BotWords.resolve(file.name().orElse(Bot.DEFAULT_NAME), language, topics, file.texts(), file.contact(),
                file.widget());
    }

    /** The documents the index titles, by file name; problems are added for what it gets wrong. */
    private Map<String, SourceDocument> documentIndex(List<IntentProblem> problems) {
        List<Path> files = seeds.indexFiles();
        if (files.isEmpty()) {
            return Map.of();
        }
        if (files.size() > 1) {
            problems.add(new IntentProblem(files.get(1).toString(), "-",
                    "repeats " + files.get(0).getFileName() + ": keep one index of the documents"));
            return Map.of();
        }
        Optional<String> text = text(files.get(0), problems);
        if (text.isEmpty()) {
            return Map.of();
        }
        var result = fileReader.readDocumentIndex(files.get(0), text.get());
        problems.addAll(result.problems());
        return result.documents();
    }

    /**
     * Every seed document as visitors will see it named. One the index leaves out is titled after its file name, so
     * that a knowledge base without an index still starts; the owner is told which quoted ones lack a title.
     */
    private Map<String, SourceDocument> documents(Map<String, SourceDocument> titled, List<Intent> intents) {
        var documents = new TreeMap<String, SourceDocument>();
        for (String name : seeds.names()) {
            documents.put(name, titled.getOrDefault(name, SourceDocument.untitled(name)));
        }
        List<String> quotedUntitled = intents.stream().flatMap(intent -> intent.source().stream())
                .map(Source::document).filter(name -> !titled.containsKey(name)).distinct().sorted().toList();
        for (String name : quotedUntitled) {
            log.warn("{} has no title in {}: visitors see its source as \"{}\"", name, seeds.indexFile(),
                    documents.get(name).title());
        }
        return documents;
    }

    /** The questions of the out-of-scope file, and where they stand (the file need not exist). */
    private record OutOfScopeQuestions(Path file, List<String> examples) {
    }

    private OutOfScopeQuestions outOfScope(List<Path> files, Path intentsFolder, List<IntentProblem> problems) {
        if (files.isEmpty()) {
            return new OutOfScopeQuestions(intentsFolder.resolve(OUT_OF_SCOPE_FILE), List.of());
        }
        Path file = files.get(0);
        if (files.size() > 1) {
            problems.add(new IntentProblem(files.get(1).toString(), "-",
                    "repeats " + file.getFileName() + ": keep one file of out-of-scope questions"));
            return new OutOfScopeQuestions(file, List.of());
        }
        Optional<String> text = text(file, problems);
        if (text.isEmpty()) {
            return new OutOfScopeQuestions(file, List.of());
        }
        var result = fileReader.readOutOfScope(file, text.get());
        problems.addAll(result.problems());
        return new OutOfScopeQuestions(file, result.examples());
    }

    private List<IntentProblem> crossChecks(List<Intent> intents, Map<String, Path> fileById,
                                            Set<String> idsOfAllFiles, OutOfScopeQuestions outOfScope) {
        var problems = new ArrayList<IntentProblem>();
        var ownerOfExample = new HashMap<String, String>();
        for (Intent intent : intents) {
            String file = fileById.get(intent.id()).toString();
            for (int i = 0; i < intent.followups().size(); i++) {
                String followup = intent.followups().get(i);
                if (!idsOfAllFiles.contains(followup)) {
                    problems.add(new IntentProblem(file, "followups[" + i + "]", "names no intent: '" + followup + "'"));
                } else if (followup.equals(intent.id())) {
                    problems.add(new IntentProblem(file, "followups[" + i + "]", "names the intent itself"));
                }
            }
            // Two texts that are the same phrasing (Phrasing) teach the classifier the same thing.
            var phrasings = new ArrayList<String>(intent.examples());
            phrasings.add(intent.question());
            for (String phrasing : phrasings) {
                String owner = ownerOfExample.putIfAbsent(Phrasing.comparable(phrasing), intent.id());
                if (owner != null && !owner.equals(intent.id())) {
                    problems.add(new IntentProblem(file, "examples",
                            "'" + phrasing + "' also stands under intent '" + owner + "'"));
                }
            }
        }
        // An out-of-scope question that is also an intent's phrasing would teach the classifier both ways at once.
        List<String> questions = outOfScope.examples();
        for (int i = 0; i < questions.size(); i++) {
            String owner = ownerOfExample.get(Phrasing.comparable(questions.get(i)));
            if (owner != null) {
                problems.add(new IntentProblem(outOfScope.file().toString(), "examples[" + i + "]",
                        "'" + questions.get(i) + "' also stands under intent '" + owner + "'"));
            }
        }
        return problems;
    }

    static String idOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    /** The files of {@code folder} that a load reads, in name order; none when it is no folder. */
    static List<Path> intentFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list intent files in " + folder, e);
        }
    }

    // The size is checked first: a file of megabytes costs nothing to refuse, and seconds and the heap to read.
    private Optional<String> text(Path file, List<IntentProblem> problems) {
        Optional<IntentProblem> tooLarge = limits.sizeProblem(file);
        if (tooLarge.isPresent()) {
            problems.add(tooLarge.get());
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
