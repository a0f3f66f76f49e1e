package dev.parley.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The source documents answers are drawn from (every file in {@code seeds/} that {@link DocumentText} reads), kept so
 * that every intent's quoted excerpt can be checked against the text a reader sees in it; and where their index of
 * titles ({@value #INDEX_FILE}) stands.
 */
final class SeedDocuments {

    /**
     * The file, beside the documents, that gives each its title and link ({@code .yml} is read too); it is no
     * document itself, and its underscore keeps it apart from them.
     */
    static final String INDEX_FILE = "_documents.yaml";

    private final Path folder;
    private final Map<String, String> comparableTextByName;
    private final List<Path> indexFiles;

    private SeedDocuments(Path folder, Map<String, String> comparableTextByName, List<Path> indexFiles) {
        this.folder = folder;
        // Sorted, so problems list the documents the same way every time.
        this.comparableTextByName = Collections.unmodifiableSortedMap(new TreeMap<>(comparableTextByName));
        this.indexFiles = List.copyOf(indexFiles);
    }

    /** Reads every document in {@code folder} ({@link DocumentText#isDocument}); a missing folder gives an empty set (every source then fails). */
    static SeedDocuments readFrom(Path folder) {
        var texts = new TreeMap<String, String>();
        var indexFiles = new ArrayList<Path>();
        try {
            for (Path file : files(folder)) {
                String name = file.getFileName().toString();
                if (isIndex(name)) {
                    indexFiles.add(file);
                } else {
                    texts.put(name, comparable(DocumentText.of(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed documents in " + folder, e);
        }
        return new SeedDocuments(folder, texts, indexFiles);
    }

    /** The files of {@code folder} that are read: the documents and the index, in name order; none without it. */
    static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                    .filter(file -> isIndex(file.getFileName().toString())
                            || DocumentText.isDocument(file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed documents in " + folder, e);
        }
    }

    private static boolean isIndex(String name) {
        return name.equals(INDEX_FILE) || name.equals(INDEX_FILE.replace(".yaml", ".yml"));
    }

    /** The index files found ({@value #INDEX_FILE} or its {@code .yml} twin), in name order; usually none or one. */
    List<Path> indexFiles() {
        return indexFiles;
    }

    /** Where the index would stand, to name it in problems and warnings when there is none. */
    Path indexFile() {
        return indexFiles.isEmpty() ? folder.resolve(INDEX_FILE) : indexFiles.get(0);
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
