package dev.parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.parley.knowledge.Intent;

/** Ids from questions: short, readable, in the question's own script, and always of the id format. */
class IntentIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I reset my password?                 | reset-password
            What's the weather like?                    | weather-like
            Where is it?                                | where-is-it
            Où se trouve la bibliothèque ?              | où-se-trouve-la-bibliothèque
            كيف أستعير كتابا؟                           | كيف-أستعير-كتابا
            Как подать жалобу?                          | как-подать-жалобу
            मैं किताब कैसे लूँ?                            | मैं-किताब-कैसे-लूँ
            我怎么借书？                                 | 我怎么借书
            Ｆｕｌｌ-width ＦＡＱ                        | full-width-faq
            ???                                         | question
            """)
    void anIdIsTheQuestionsWordsWithoutFunctionWords(String question, String id) {
        assertThat(IntentIds.of(question)).isEqualTo(id);
        assertThat(Intent.hasIdFormat(id)).isTrue();
    }

    @Test
    void aLongQuestionKeepsWholeWordsWithinTheLength() {
        String id = IntentIds.of("Can the international organisations of the region enforce their decisions on"
                + " member states that refuse them?");

        assertThat(id).isEqualTo("international-organisations-region-enforce");
        assertThat(id.length()).isLessThanOrEqualTo(IntentIds.MAX_LENGTH);
    }

    @Test
    void aLongWordWithoutSpacesIsCutBeforeALetterNotInsideIt() {
        String id = IntentIds.of("कि".repeat(40));

        assertThat(id.length()).isLessThanOrEqualTo(IntentIds.MAX_LENGTH);
        assertThat(id).endsWith("कि");
        assertThat(Intent.hasIdFormat(id)).isTrue();
    }

    @Test
    void anIdTakenGetsTheNextSuffix() {
        Set<String> taken = new HashSet<>(Set.of("reset-password"));

        assertThat(IntentIds.unique("How do I reset my password?", taken)).isEqualTo("reset-password-2");
        assertThat(IntentIds.unique("Reset password?", taken)).isEqualTo("reset-password-3");
        assertThat(taken).contains("reset-password-2", "reset-password-3");
    }
}
