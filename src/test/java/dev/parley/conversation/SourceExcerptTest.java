package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.knowledge.Source;
import dev.parley.knowledge.SourceDocument;

/** Which link a visitor gets beside a quoted passage. */
class SourceExcerptTest {

    private static final SourceDocument PUBLISHED = new SourceDocument("faq.csv", "Our FAQ",
            Optional.of("https://www.example.org/faq"));

    @Test
    void anIntentsOwnLinkWinsOverItsDocuments() {
        var source = new Source("faq.csv", "We open at nine.", Optional.of("https://www.example.org/faq#hours"));

        assertThat(SourceExcerpt.of(source, PUBLISHED)).isEqualTo(
                new SourceExcerpt("faq.csv", "Our FAQ", "https://www.example.org/faq#hours", "We open at nine."));
    }

    @Test
    void withoutALinkOfItsOwnTheDocumentsIsGiven() {
        assertThat(SourceExcerpt.of(new Source("faq.csv", "We open at nine."), PUBLISHED).url())
                .isEqualTo("https://www.example.org/faq");
        assertThat(SourceExcerpt.of(new Source("faq.csv", "We open at nine."), SourceDocument.untitled("faq.csv"))
                .url()).isNull();
    }
}
