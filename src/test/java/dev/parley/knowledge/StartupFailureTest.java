package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.parley.ParleyApplication;

/** A bad intent file stops the application, and the log lists the problems instead of a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void refusesToStartOnABrokenIntentFileAndSaysWhy(@TempDir Path intents, CapturedOutput output) throws IOException {
        Files.writeString(intents.resolve("broken.yaml"), "question: Who?\nanswr: typo\n");

        assertThatThrownBy(() -> SpringApplication.run(ParleyApplication.class, "--server.port=0",
                "--parley.knowledge.intents-dir=" + intents))
                .isInstanceOf(InvalidKnowledgeException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("broken.yaml: 'answr' is not a known key")
                .contains("broken.yaml: 'answer' is missing")
                // examples are optional: a question and an answer make an intent
                .doesNotContain("'examples' is missing")
                .contains("Fix the intent files listed above");
    }

    @Test
    void refusesToStartOnAnOversizedIntentFileWithoutReadingIt(@TempDir Path intents, CapturedOutput output)
            throws IOException {
        Path huge = intents.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(huge)) {
            out.write("question: What is this?\nanswer: Nothing.\nexamples:\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write("  - example " + i + "\n");
            }
        }

        assertThatThrownBy(() -> SpringApplication.run(ParleyApplication.class, "--server.port=0",
                "--parley.knowledge.intents-dir=" + intents))
                .isInstanceOf(InvalidKnowledgeException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("huge.yaml: is " + Files.size(huge) + " bytes, more than the 1048576 an intent file may have"
                        + " (parley.knowledge.max-file-size)");
    }

    @Test
    void refusesToStartOnABrokenDocumentIndexAndSaysWhy(@TempDir Path seeds, CapturedOutput output)
            throws IOException {
        try (var documents = Files.list(Path.of("seeds"))) {
            for (Path document : documents.filter(file -> file.toString().endsWith(".txt")).toList()) {
                Files.copy(document, seeds.resolve(document.getFileName()));
            }
        }
        Files.writeString(seeds.resolve("_documents.yaml"), "missing.txt:\n  title: Gone\n");

        assertThatThrownBy(() -> SpringApplication.run(ParleyApplication.class, "--server.port=0",
                "--parley.knowledge.seeds-dir=" + seeds))
                .isInstanceOf(InvalidKnowledgeException.class);

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
                .contains("_documents.yaml: 'missing.txt' names no document in the seeds folder");
    }
}
