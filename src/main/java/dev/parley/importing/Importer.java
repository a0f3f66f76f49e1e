package dev.parley.importing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.knowledge.SourceDocument;
import dev.parley.text.Phrasing;
import dev.parley.text.UserText;

/**
 * Turns what the formats found into intent files and seed documents, all or nothing: everything is first written to
 * a copy of both folders, which the loader validates exactly as the server's start-up would; only a valid result is
 * then written to the real folders (never on a dry run), new files only, besides the entries appended to the seeds'
 * index. An existing intent file is never overwritten: an entry whose question it already holds is skipped, and
 * another entry whose id it has gets a suffix ({@link IntentIds#unique}).
 */
final class Importer {

    private static final List<String> INDEX_NAMES = List.of("_documents.yaml", "_documents.yml");
    private static final String OUT_OF_SCOPE = "_out-of-scope";

    private final KnowledgeProperties settings;
    private final PrintWriter out;

    /** Imports into the folders {@code settings} name, validating by its other settings; reports to {@code out}. */
    Importer(KnowledgeProperties settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** What the import came to: intent files made, and whether the result is valid (nothing is written if not). */
    record Outcome(int made, boolean valid) {
    }

    Outcome run(List<FoundSource> sources, boolean dryRun) throws IOException {
        Path staging = Files.createTempDirectory("parley-import");
        try {
            return run(sources, dryRun, staging);
        } finally {
            deleteRecursively(staging);
        }
    }

    private Outcome run(List<FoundSource> sources, boolean dryRun, Path staging) throws IOException {
        Path intents = settings.intentsDir();
        Path seeds = settings.seedsDir();
        Path stagedIntents = copyFolder(intents, staging.resolve("intents"));
        Path stagedSeeds = copyFolder(seeds, staging.resolve("seeds"));
        ExistingIntents existing = ExistingIntents.read(intents, settings);
        Set<String> taken = new HashSet<>(existing.ids());
        Map<String, String> ownerOfPhrasing = new HashMap<>(existing.ownerOfPhrasing());
        var newSeeds = new ArrayList<String>();
        var newIntents = new LinkedHashMap<String, String>();
        var index = new StringBuilder();
        Path indexFile = indexFile(seeds);
        Set<String> indexed = ExistingIntents.indexedNames(indexFile, settings);
        String verb = dryRun ? "would make" : "made";

        for (FoundSource source : sources) {
            out.printf("%s (%s): %d question(s) and answer(s) found%s%n", source.file(), source.format(),
                    source.entries().size(), source.skipped().isEmpty() ? "" : ", " + source.skipped().size()
                            + " skipped");
            source.skipped().forEach(reason -> out.println("  skipped " + reason));
            if (source.entries().isEmpty()) {
                continue;
            }
            SeedCopy copy = seedCopy(source.file(), stagedSeeds);
            if (copy.reused()) {
                out.printf("  %s: the same file is already there, quoted as it is%n", seeds.resolve(copy.name()));
            } else {
                Files.copy(source.file(), stagedSeeds.resolve(copy.name()));
                newSeeds.add(copy.name());
                out.printf("  %s %s: a copy, which the answers quote%n", dryRun ? "would copy to" : "copied to",
                        seeds.resolve(copy.name()));
            }
            if (!indexed.contains(copy.name())) {
                indexed.add(copy.name());
                index.append(IntentYaml.documentEntry(copy.name(), title(source), source.url()
                        .filter(SourceDocument::isWebLink)));
            }
            for (FoundFaq entry : source.entries()) {
                String question = entry.question().strip();
                Optional<String> problem = questionProblem(question, ownerOfPhrasing, existing);
                if (problem.isPresent()) {
                    out.println("  skipped '" + question + "': " + problem.get());
                    continue;
                }
                String id = IntentIds.unique(question, taken);
                ownerOfPhrasing.put(Phrasing.comparable(question), id);
                var examples = new ArrayList<String>();
                for (String other : entry.otherQuestions()) {
                    String example = other.strip();
                    Optional<String> dropped = questionProblem(example, ownerOfPhrasing, existing);
                    if (dropped.isPresent()) {
                        out.println("  left out the example '" + example + "' of " + id + ": " + dropped.get());
                    } else {
                        ownerOfPhrasing.put(Phrasing.comparable(example), id);
                        examples.add(example);
                    }
                }
                Optional<String> url = entry.url().filter(SourceDocument::isWebLink)
                        .filter(link -> !source.url().equals(Optional.of(link)));
                String yaml = IntentYaml.intent(question, examples, entry.answer().strip(), copy.name(),
                        entry.excerpt().strip(), url);
                Files.writeString(stagedIntents.resolve(id + ".yaml"), yaml, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW);
                newIntents.put(id + ".yaml", yaml);
                out.printf("  %s %s: %s%s%n", verb, intents.resolve(id + ".yaml"), question,
                        examples.isEmpty() ? "" : " (and " + examples.size() + " other phrasing(s))");
            }
        }
        String indexText = indexText(indexFile, index.toString());
        if (!index.isEmpty()) {
            Files.writeString(stagedSeeds.resolve(indexFile.getFileName()), indexText, StandardCharsets.UTF_8);
        }
        if (newIntents.isEmpty()) {
            out.println("No new intent: nothing to write.");
            return new Outcome(0, true);
        }
        if (!validate(stagedIntents, stagedSeeds, staging, intents, seeds)) {
            out.println("Nothing was written.");
            return new Outcome(newIntents.size(), false);
        }
        if (dryRun) {
            out.println("Dry run: nothing was written.");
            return new Outcome(newIntents.size(), true);
        }
        write(seeds, stagedSeeds, newSeeds, indexFile, index.isEmpty() ? null : indexText, intents, newIntents);
        out.printf("Wrote %d intent file(s) to %s%s.%n", newIntents.size(), intents,
                newSeeds.isEmpty() ? "" : " and " + newSeeds.size() + " document(s) to " + seeds);
        return new Outcome(newIntents.size(), true);
    }

    /** Why a question cannot be an imported phrasing: one no visitor could send, or one another intent has. */
    private static Optional<String> questionProblem(String question, Map<String, String> ownerOfPhrasing,
                                                    ExistingIntents existing) {
        Optional<UserText.Problem> problem = UserText.problemWith(question, UserText.MAX_LENGTH);
        if (problem.isPresent()) {
            return Optional.of("the question " + problem.get().description());
        }
        String owner = ownerOfPhrasing.get(Phrasing.comparable(question));
        if (owner == null) {
            return Optional.empty();
        }
        if (owner.equals(OUT_OF_SCOPE)) {
            return Optional.of(OUT_OF_SCOPE + ".yaml lists it as a question not to answer");
        }
        return Optional.of(existing.ids().contains(owner)
                ? "intent file " + owner + ".yaml already has it (not overwritten)"
                : "the same question as intent " + owner + " (by case, punctuation and spacing)");
    }

    /** Loads the staged folders as the server would; prints the result, naming the real folders. */
    private boolean validate(Path stagedIntents, Path stagedSeeds, Path staging, Path intents, Path seeds) {
        var staged = new KnowledgeProperties(stagedIntents, stagedSeeds, settings.minimumExamples(),
                settings.maxFileSize());
        try {
            KnowledgeBase knowledge = staged.load();
            out.printf("Valid: the %d intent(s) load as the server would load them.%n", knowledge.size());
            return true;
        } catch (InvalidKnowledgeException e) {
            out.println("Invalid: " + e.problems().size() + " problem(s), as the server's start-up would find them:");
            e.problems().forEach(problem -> out.println("  - " + problem.toString()
                    .replace(stagedIntents.toString(), intents.toString())
                    .replace(stagedSeeds.toString(), seeds.toString())
                    .replace(staging.toString(), "")));
            return false;
        }
    }

    private static void write(Path seeds, Path stagedSeeds, List<String> newSeeds, Path indexFile, String indexText,
                              Path intents, Map<String, String> newIntents) throws IOException {
        Files.createDirectories(seeds);
        for (String name : newSeeds) {
            Files.copy(stagedSeeds.resolve(name), seeds.resolve(name)); // never replaces: fails if one appeared
        }
        if (indexText != null) {
            Path temporary = Files.createTempFile(seeds, ".documents", ".tmp");
            Files.writeString(temporary, indexText, StandardCharsets.UTF_8);
            Files.move(temporary, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.createDirectories(intents);
        for (Map.Entry<String, String> file : newIntents.entrySet()) {
            Files.writeString(intents.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        }
    }

    /** Where a source's copy stands in the seeds folder, and whether an identical file there is reused. */
    private record SeedCopy(String name, boolean reused) {
    }

    // A different file of the same name is never replaced: the copy gets a suffix (faq-2.csv).
    private static SeedCopy seedCopy(Path source, Path seeds) throws IOException {
        String name = source.getFileName().toString();
        if (INDEX_NAMES.contains(name)) {
            name = name.substring(1);
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; Files.exists(seeds.resolve(candidate)); n++) {
            if (Files.mismatch(source, seeds.resolve(candidate)) == -1) {
                return new SeedCopy(candidate, true);
            }
            candidate = stem + "-" + n + extension;
        }
        return new SeedCopy(candidate, false);
    }

    /** A title for the index: the document's own, else one made from its file name; one line, not too long. */
    private static String title(FoundSource source) {
        String title = source.title().map(text -> text.replaceAll("\\s+", " ").strip()).filter(text -> !text.isEmpty())
                .orElseGet(() -> SourceDocument.untitled(source.file().getFileName().toString()).title());
        return title.codePointCount(0, title.length()) <= SourceDocument.MAX_TITLE_LENGTH ? title
                : title.substring(0, title.offsetByCodePoints(0, SourceDocument.MAX_TITLE_LENGTH - 1)).strip() + "…";
    }

    private static Path indexFile(Path seeds) {
        return INDEX_NAMES.stream().map(seeds::resolve).filter(Files::isRegularFile).findFirst()
                .orElse(seeds.resolve(INDEX_NAMES.get(0)));
    }

    /** The index as it stands, comments and all, with the new entries after it. */
    private static String indexText(Path indexFile, String additions) throws IOException {
        String text = Files.isRegularFile(indexFile) ? Files.readString(indexFile, StandardCharsets.UTF_8) : "";
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += "\n";
        }
        return text + additions;
    }

    private static Path copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
        return to;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
