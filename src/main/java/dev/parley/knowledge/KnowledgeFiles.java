package dev.parley.knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every file a knowledge base is read from, by its name under the two folders ({@code intents/NAME} for the intent
 * files, the bot file and the out-of-scope questions, {@code seeds/NAME} for the documents and their index), with
 * its bytes: what a knowledge version holds. The files are the ones the loader reads, chosen by the same rules, so
 * that a knowledge base written out again ({@link #writeTo}) loads as the one read.
 *
 * <p>Its {@link #version()} is a SHA-256 over the names and contents in name order: the same files are the same
 * version wherever they were read.
 */
public final class KnowledgeFiles {

    /** Where intent files stand in a version's names. */
    public static final String INTENTS = "intents/";
    /** Where seed documents stand in a version's names. */
    public static final String SEEDS = "seeds/";

    private final SortedMap<String, byte[]> contents;
    private final String version;

    /**
     * @param contents bytes by name, each name {@value #INTENTS} or {@value #SEEDS} followed by a plain file name
     * @throws IllegalArgumentException for a name of another form
     */
    public KnowledgeFiles(Map<String, byte[]> contents) {
        var sorted = new TreeMap<String, byte[]>();
        contents.forEach((name, bytes) -> {
            if (!isFileName(name)) {
                throw new IllegalArgumentException("not a knowledge file name: '" + name + "'");
            }
            sorted.put(name, bytes.clone());
        });
        this.contents = Collections.unmodifiableSortedMap(sorted);
        this.version = hashOf(sorted);
    }

    /** The files the loader would read with these settings, as they are now. */
    public static KnowledgeFiles readFrom(KnowledgeProperties settings) {
        var contents = new TreeMap<String, byte[]>();
        for (Path file : IntentLoader.intentFiles(settings.intentsDir())) {
            contents.put(INTENTS + file.getFileName(), read(file));
        }
        for (Path file : SeedDocuments.files(settings.seedsDir())) {
            contents.put(SEEDS + file.getFileName(), read(file));
        }
        return new KnowledgeFiles(contents);
    }

    /**
     * Writes the files into {@code root}/intents and {@code root}/seeds (made if missing, expected empty) and returns
     * settings that read them, every other setting as {@code settings} has it.
     */
    public KnowledgeProperties writeTo(Path root, KnowledgeProperties settings) {
        Path intents = root.resolve("intents");
        Path seeds = root.resolve("seeds");
        try {
            Files.createDirectories(intents);
            Files.createDirectories(seeds);
            for (var file : contents.entrySet()) {
                Files.write(root.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the knowledge files to " + root, e);
        }
        return new KnowledgeProperties(intents, seeds, settings.minimumExamples(), settings.maxFileSize());
    }

    /**
     * Writes the files as a zip archive to {@code out}, each by its name, and closes it.
     *
     * @param beside files written into the archive after them, that are not part of the version (by name, as theirs):
     *               last, so that an archive unpacked only in part lacks them rather than the version's files
     */
    public void writeZip(OutputStream out, Map<String, byte[]> beside) throws IOException {
        beside.keySet().forEach(name -> {
            if (!isFileName(name) || contents.containsKey(name)) {
                throw new IllegalArgumentException("not a file to write beside the knowledge files: '" + name + "'");
            }
        });
        try (var zip = new ZipOutputStream(out)) {
            for (var files : List.of(contents, new TreeMap<>(beside))) {
                for (var file : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(file.getKey()));
                    zip.write(file.getValue());
                    zip.closeEntry();
                }
            }
        }
    }

    /** The content hash that names these files: 64 hexadecimal digits. */
    public String version() {
        return version;
    }

    /** The names of the files, in order. */
    public List<String> names() {
        return List.copyOf(contents.keySet());
    }

    /** The bytes of one file, if there is one of that name. */
    public Optional<byte[]> content(String name) {
        return Optional.ofNullable(contents.get(name)).map(byte[]::clone);
    }

    /** The text of one file as UTF-8. */
    public Optional<String> text(String name) {
        return Optional.ofNullable(contents.get(name)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The SHA-256 of each file's bytes, by name: what tells two versions' files apart. */
    public SortedMap<String, String> hashes() {
        var hashes = new TreeMap<String, String>();
        contents.forEach((name, bytes) -> hashes.put(name, sha256(bytes)));
        return hashes;
    }

    /** These files with one of them replaced (or added). */
    public KnowledgeFiles with(String name, byte[] content) {
        var changed = new TreeMap<>(contents);
        changed.put(name, Objects.requireNonNull(content, "content must not be null"));
        return new KnowledgeFiles(changed);
    }

    /** The intent file that holds intent {@code id} ({@code .yaml} or {@code .yml}), as the loader names it. */
    public Optional<String> intentFileOf(String id) {
        return Stream.of(".yaml", ".yml").map(extension -> INTENTS + id + extension)
                .filter(contents::containsKey).findFirst();
    }

    /** Hex SHA-256 of {@code bytes}, the one hash that names contents and versions. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static boolean isFileName(String name) {
        String file = name.startsWith(INTENTS) ? name.substring(INTENTS.length())
                : name.startsWith(SEEDS) ? name.substring(SEEDS.length()) : "";
        return !file.isEmpty() && !file.contains("/") && !file.contains("\\") && !file.equals("..")
                && !file.equals(".");
    }

    private static String hashOf(SortedMap<String, byte[]> contents) {
        MessageDigest digest = digest();
        contents.forEach((name, bytes) -> {
            // lengths first, so that no two different sets of files run together into the same bytes
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            digest.update(longBytes(nameBytes.length));
            digest.update(nameBytes);
            digest.update(longBytes(bytes.length));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
