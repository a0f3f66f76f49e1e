package dev.parley.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;


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

    // The words the classifier reads are this rule's (moved here from TextNormalizerTest).

    @Test
    void lowerCasesAndDropsPunctuation() {
        assertThat(Phrasing.words("Who can refer cases to the ICC?!")).containsExactly("who", "can", "refer",
                "cases", "to", "the", "icc");
    }

    @Test
    void joinsDottedAcronymsAndApostrophes() {
        assertThat(Phrasing.comparable("What's the U.N.'s role?")).isEqualTo("whats the uns role");
        assertThat(Phrasing.comparable("migrants’ rights")).isEqualTo("migrants rights");
    }

    @Test
    void foldsCompatibilityFormsAndAccents() {
        assertThat(Phrasing.comparable("Ｒéfugiés ﬁnd ＩＣＣ")).isEqualTo("refugies find icc");
    }

    @Test
    void dropsControlAndInvisibleCharacters() {
        assertThat(Phrasing.comparable("who\u0000 can\u200B\u202Erefer\tcases")).isEqualTo("who can refer cases");
    }

    @Test
    void keepsOtherScriptsAndDigits() {
        assertThat(Phrasing.words("ما هو دور الأمم المتحدة 2018")).containsExactly("ما", "هو", "دور", "الامم",
                "المتحدة", "2018");
    }

    @Test
    void textWithoutWordsHasNoWords() {
        assertThat(Phrasing.words("?!… 🙂🙂 ---")).isEmpty();
        assertThat(Phrasing.words("")).isEmpty();
    }
}
