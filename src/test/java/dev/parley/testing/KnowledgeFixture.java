package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.test.context.DynamicPropertyRegistry;

import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.system.SettingsRecords;

/**
 * A small knowledge base of the tests' own ({@code src/test/resources/fixtures/knowledge}): four ICC and ECHR intents,
 * a greeting, out-of-scope questions and the one document they quote. Tests that assert on the contents of intent
 * files, or on counts of intents and examples, use it rather than {@code intents/} and {@code seeds/}, which a user
 * following the README edits (a proposal appends an example to {@code intents/icc-referral.yaml}).
 */
public final class KnowledgeFixture {

    private static final Path ROOT = resource("/fixtures/knowledge");

    private KnowledgeFixture() {
    }

    /** The fixture's intent files, never to be edited: copy them ({@link #copyIntentsTo}) to change them. */
    public static Path intents() {
        return ROOT.resolve("intents");
    }

    /** The fixture's source documents, which its intents quote. */
    public static Path seeds() {
        return ROOT.resolve("seeds");
    }

    /**
     * Knowledge settings that read the project's own knowledge ({@code intents/}, {@code seeds/}), every other
     * setting at its default: for tests that train or check what the server ships, and change nothing in it.
     */
    public static KnowledgeProperties projectSettings() {
        return settings(Path.of("intents"), Path.of("seeds"));
    }

    /** Knowledge settings that read intents and documents from these folders, every other setting at its default. */
    public static KnowledgeProperties settings(Path intents, Path seeds) {
        KnowledgeProperties defaults = new Binder()
                .bindOrCreate(SettingsRecords.prefixOf(KnowledgeProperties.class), KnowledgeProperties.class);
        return new KnowledgeProperties(intents, seeds, defaults.minimumExamples(), defaults.maxFileSize());
    }

    /** Makes {@code folder} (created if need be) hold exactly the fixture's intent files, removing anything else. */
    public static void copyIntentsTo(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> old = Files.list(folder); Stream<Path> fixture = Files.list(intents())) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
            for (Path file : fixture.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the files of folder {@code from} (e.g. the project's own {@code intents/}, which a test must not edit
     * or rely on staying as it is) into {@code to}, created if need be; returns {@code to}.
     */
    public static Path copyFiles(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** Serves a copy of the fixture's intents in {@code folder} (which the test may edit), with its documents. */
    public static void serveCopyIn(Path folder, DynamicPropertyRegistry registry) {
        copyIntentsTo(folder);
        registry.add("parley.knowledge.intents-dir", folder::toString);
        registry.add("parley.knowledge.seeds-dir", seeds()::toString);
    }

    private static Path resource(String name) {
        try {
            return Path.of(KnowledgeFixture.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot find the test resource " + name, e);
        }
    }

    /** Writes a file of a test's own copy of the knowledge base, in UTF-8. */
    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid small-talk intent (no source needed) about keeping questions private, which the fixture lacks. */
    public static String privacyIntent() {
        return """
                question: What happens to my questions?
                examples:
                  - do you keep my questions
                  - are my questions stored
                  - what do you do with what I type
                  - is this chat private
                  - do you save our conversation
                  - who can read my messages to you
                  - is my chat history kept
                  - are you recording this conversation
                  - do you log what I ask
                  - how long do you keep my questions
                  - can anyone see my questions
                  - is what I write here confidential
                answer: |
                  Questions are kept for the site owner to improve the answers, and deleted after a while.
                tags:
                  - small-talk
                """;
    }
}
