package dev.parley.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import dev.parley.testing.KnowledgeFixture;

/**
 * A copy of the fixture's intents ({@link KnowledgeFixture}) in a folder of a test's own, which the test may edit and
 * break. "Seed" here means the fixture the folder starts from, never the working copy's {@code intents/}.
 */
final class IntentsFolder {

    private static final Path SEED_INTENTS = KnowledgeFixture.intents();

    private IntentsFolder() {
    }

    /** Makes {@code folder} hold exactly the seed intents again. */
    static void resetToSeeds(Path folder) {
        KnowledgeFixture.copyIntentsTo(folder);
    }

    /** Whether {@code folder} holds anything but exactly the seed intents. */
    static boolean differsFromSeeds(Path folder) {
        try (Stream<Path> files = Files.list(folder); Stream<Path> seeds = Files.list(SEED_INTENTS)) {
            List<Path> seedFiles = seeds.toList();
            if (files.count() != seedFiles.size()) {
                return true;
            }
            for (Path seed : seedFiles) {
                Path copy = folder.resolve(seed.getFileName());
                if (!Files.exists(copy) || Files.mismatch(seed, copy) != -1) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many intent files the fixture has (the out-of-scope file is no intent). */
    static int seedIntentCount() {
        return seedIntentFiles().size();
    }

    /** How many examples the seed intents hold, all together, counted from the files themselves. */
    static int seedExampleCount() {
        int count = 0;
        for (Path seed : seedIntentFiles()) {
            Map<String, Object> fields = new Yaml().load(read(seed));
            count += ((List<?>) fields.get("examples")).size();
        }
        return count;
    }

    private static List<Path> seedIntentFiles() {
        try (Stream<Path> seeds = Files.list(SEED_INTENTS)) {
            return seeds.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().startsWith("_")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
