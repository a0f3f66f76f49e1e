package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.text.Phrasing;

class QuestionTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void carriesEachFormTheReadersNeedMadeOnceByTheNormalizer() {
        String typed = "Ｗhat's the U.N.'s role\u200Bin   refugee law?";

        Question question = Question.of(typed);

        assertThat(question.text()).isEqualTo(typed);
        assertThat(question.words()).isEqualTo(Phrasing.words(typed))
                .containsExactly("whats", "the", "uns", "role", "in", "refugee", "law");
        assertThat(question.normalised()).isEqualTo(Phrasing.comparable(typed))
                .isEqualTo("whats the uns role in refugee law");
        assertThat(question.sentence()).isEqualTo(normalizer.clean(typed))
                .isEqualTo("What's the U.N.'s rolein refugee law?");
    }

    @Test
    void textWithoutWordsHasNoWordsAndMayHaveNoSentence() {
        assertThat(Question.of("🙂 ?!").words()).isEmpty();
        assertThat(Question.of("🙂 ?!").normalised()).isEmpty();
        assertThat(Question.of("\u200B ").sentence()).isEmpty();
    }

    @Test
    void isEqualToAnotherOfTheSameText() {
        assertThat(Question.of("who can refer cases?")).isEqualTo(Question.of("who can refer cases?"))
                .hasSameHashCodeAs(Question.of("who can refer cases?"))
                .isNotEqualTo(Question.of("Who can refer cases?"));
    }

    /** The classifier reads text by the same rule, so what the loader and curation take for one, it does too. */
    @Test
    void readsTheWordsOfTheSamePhrasingRule() {
        for (String text : new String[] {"What does the U.N. do?", "what does the u n do", "Ｒéfugiés ﬁnd ＩＣＣ",
                "who\u0000 can\u200B\u202Erefer\tcases", "?!… 🙂🙂 ---"}) {
            assertThat(Question.of(text).words()).as(text).isEqualTo(Phrasing.words(text));
            assertThat(Question.of(text).normalised()).as(text).isEqualTo(Phrasing.comparable(text));
        }
    }
}
