package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.TextNormalizer;

/** One rule for "the same phrasing": the classifier's words. */
class PhrasingTest {

    @Test
    void aDottedAcronymIsTheAcronymAndNotItsLettersSpeltApart() {
        assertThat(Phrasing.same("What does the U.N. do?", "what does the UN do")).isTrue();
        assertThat(Phrasing.same("What does the U.N. do?", "what does the u n do")).isFalse();
    }

    @Test
    void caseAccentsApostrophesPunctuationAndSpacingMakeNoOtherPhrasing() {
        assertThat(Phrasing.same("What’s the ICC référral?!", "  whats the icc   referral")).isTrue();
        assertThat(Phrasing.same("who can\u200Brefer", "who can refer")).isTrue();
        assertThat(Phrasing.same("who can refer", "who may refer")).isFalse();
    }

    /** The classifier reads text by the same rule, so what the loader and curation take for one, it does too. */
    @Test
    void isTheWordsTheClassifierReads() {
        var normalizer = new TextNormalizer();
        for (String text : new String[] {"What does the U.N. do?", "what does the u n do", "Ｒéfugiés ﬁnd ＩＣＣ",
                "who\u0000 can\u200B\u202Erefer\tcases", "?!… 🙂🙂 ---"}) {
            assertThat(Phrasing.words(text)).as(text).isEqualTo(normalizer.words(text));
            assertThat(Phrasing.comparable(text)).as(text).isEqualTo(normalizer.normalize(text));
        }
    }
}
