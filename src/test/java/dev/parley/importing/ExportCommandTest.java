package dev.parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.testing.CommandRun;
import dev.parley.testing.KnowledgeFixture;
import dev.parley.text.Phrasing;

/** {@code export} writes a table that {@code import} reads back into the same questions, examples and answers. */
class ExportCommandTest {

    @TempDir
    Path root;

    @Test
    void theProjectsOwnIntentsRoundTripThroughATable() throws IOException {
        Path intents = KnowledgeFixture.copyFiles(Path.of("intents"), root.resolve("intents"));
        Path seeds = KnowledgeFixture.copyFiles(Path.of("seeds"), root.resolve("seeds"));
        Path table = root.resolve("faq.tsv");

        CommandRun exported = CommandRun.of("export", "--intents", intents.toString(), "--seeds",
                seeds.toString(), table.toString());
        assertThat(exported.exit()).as(exported.output()).isZero();
        Path imported = root.resolve("imported");
        CommandRun run = CommandRun.of("import", table.toString(), "--intents",
                imported.resolve("intents").toString(), "--seeds", imported.resolve("seeds").toString());
        assertThat(run.exit()).as(run.output()).isZero();

        KnowledgeBase original = load(intents, seeds);
        Map<String, Intent> byQuestion = load(imported.resolve("intents"), imported.resolve("seeds")).intents()
                .stream().collect(Collectors.toMap(Intent::question, Function.identity()));
        assertThat(byQuestion).hasSameSizeAs(original.intents());
        for (Intent intent : original.intents()) {
            Intent back = byQuestion.get(intent.question());
            assertThat(back).as(intent.id()).isNotNull();
            // an example that is its own question's phrasing ("tell me more" beside "Tell me more") is one question
            assertThat(back.examples()).as(intent.id()).containsExactlyElementsOf(intent.examples().stream()
                    .filter(example -> !Phrasing.comparable(example).equals(Phrasing.comparable(intent.question())))
                    .toList());
            assertThat(back.answer()).as(intent.id()).isEqualTo(intent.answer());
        }
    }

    @Test
    void toStandardOutputAsCsvWithTheSourcesLink() throws IOException {
        Path intents = Files.createDirectories(root.resolve("intents"));
        Path seeds = Files.createDirectories(root.resolve("seeds"));
        Files.writeString(seeds.resolve("faq.txt"), "We open at nine, \"sharp\".");
        Files.writeString(seeds.resolve("_documents.yaml"), "faq.txt:\n  title: FAQ\n  url: https://example.org/faq\n");
        Files.writeString(intents.resolve("hours.yaml"), """
                question: When do you open?
                examples:
                  - opening time
                answer: |
                  At nine, "sharp".
                  Every day.
                source:
                  document: faq.txt
                  excerpt: We open at nine, "sharp".
                """);

        CommandRun run = CommandRun.of("export", "--intents", intents.toString(), "--seeds",
                seeds.toString());

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.out()).isEqualTo("Question,Answer,Source\r\n"
                + "When do you open?,\"At nine, \"\"sharp\"\".\nEvery day.\",https://example.org/faq\r\n"
                + "opening time,\"At nine, \"\"sharp\"\".\nEvery day.\",https://example.org/faq\r\n");
    }

    @Test
    void neverOverAnExistingFile() throws IOException {
        Path table = Files.writeString(root.resolve("faq.csv"), "mine");

        CommandRun run = CommandRun.of("export", table.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(table + " exists already");
        assertThat(Files.readString(table)).isEqualTo("mine");
    }

    private static KnowledgeBase load(Path intents, Path seeds) {
        return new KnowledgeProperties(intents, seeds, 1, DataSize.ofMegabytes(1)).load();
    }

}
