package dev.parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import dev.parley.knowledge.DocumentText;

/** The fixture files of the page and document formats, and the check every entry they give must pass. */
final class ImportFixtures {

    private ImportFixtures() {
    }

    static Path page(String name) {
        try {
            return Path.of(ImportFixtures.class.getResource("/importing/pages/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every excerpt stands in the text the seeds folder reads of the same file, white space folded, as it checks. */
    static void assertExcerptsFoundByDocumentText(FoundSource found) {
        String text;
        try {
            text = folded(DocumentText.of(found.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(found.entries()).isNotEmpty().allSatisfy(entry ->
                assertThat(text).as("the seeds folder's text of %s", found.file().getFileName())
                        .contains(folded(entry.excerpt())));
    }

    static String folded(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
