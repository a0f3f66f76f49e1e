package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerSentencesTest {

    @Test
    void anAnswerIsReadAsItsReaderSeesItOneSentenceEach() {
        assertThat(AnswerSentences.of("""
                The African Union (AU) provides **regional human rights oversight**. Its tools are
                *investigations* and [charters](https://example.org/charters)!

                - Open on weekdays
                - Closed on Sundays.
                """)).containsExactly("The African Union (AU) provides regional human rights oversight.",
                "Its tools are investigations and charters!", "Open on weekdays", "Closed on Sundays.");
    }

    @Test
    void textWithoutWordsIsNoSentence() {
        assertThat(AnswerSentences.of("👍 --- ...")).isEmpty();
    }
}
