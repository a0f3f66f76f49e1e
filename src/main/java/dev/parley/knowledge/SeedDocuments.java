package dev.parley.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The source documents answers are drawn from ({@code seeds/*.txt}), kept so that every intent's quoted excerpt can be
 * checked against the text it claims to quote.
 */
final class SeedDocuments {

    private final Map<String, String> comparableTextByName;

    private SeedDocuments(Map<String, String> comparableTextByName) {
        this.comparableTextByName = Map.copyOf(comparableTextByName);
    }

    /** Reads every {@code .txt} file in {@code folder}; a missing folder gives an empty set (every source then fails). */
    static SeedDocuments readFrom(Path folder) {
        var texts = new TreeMap<String, String>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                    texts.put(file.getFileName().toString(),
                            comparable(Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read seed documents in " + folder, e);
            }
        }
        return new SeedDocuments(texts);
    }

    boolean has(String document) {
        return comparableTextByName.containsKey(document);
    }

    /** Whether {@code excerpt} stands in {@code document}, ignoring differences in white space only. */
    boolean quotes(String document, String excerpt) {
        return Optional.ofNullable(comparableTextByName.get(document))
                .map(text -> text.contains(comparable(excerpt)))
                .orElse(false);
    }

    Set<String> names() {
        return comparableTextByName.keySet();
    }

    // YAML folding and the documents' own line breaks differ, so white space is compared as single spaces.
    private static String comparable(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
