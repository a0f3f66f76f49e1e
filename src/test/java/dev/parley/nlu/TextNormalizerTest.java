package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void lowerCasesAndDropsPunctuation() {
        assertThat(normalizer.words("Who can refer cases to the ICC?!")).containsExactly("who", "can", "refer",
                "cases", "to", "the", "icc");
    }

    @Test
    void joinsDottedAcronymsAndApostrophes() {
        assertThat(normalizer.normalize("What's the U.N.'s role?")).isEqualTo("whats the uns role");
        assertThat(normalizer.normalize("migrants’ rights")).isEqualTo("migrants rights");
    }

    @Test
    void foldsCompatibilityFormsAndAccents() {
        assertThat(normalizer.normalize("Ｒéfugiés ﬁnd ＩＣＣ")).isEqualTo("refugies find icc");
    }

    @Test
    void dropsControlAndInvisibleCharacters() {
        assertThat(normalizer.normalize("who\u0000 can\u200B\u202Erefer\tcases")).isEqualTo("who can refer cases");
    }

    @Test
    void keepsOtherScriptsAndDigits() {
        assertThat(normalizer.words("ما هو دور الأمم المتحدة 2018")).containsExactly("ما", "هو", "دور", "الامم",
                "المتحدة", "2018");
    }

    @Test
    void textWithoutWordsHasNoWords() {
        assertThat(normalizer.words("?!… 🙂🙂 ---")).isEmpty();
        assertThat(normalizer.words("")).isEmpty();
    }

    @Test
    void cleansTextForTheSentenceEncoderKeepingCaseAndPunctuation() {
        assertThat(normalizer.clean("Ｗｈｏ ｃａｎ\u0000 refer\u202E  cases to the ＩＣＣ？ "))
                .isEqualTo("Who can refer cases to the ICC?");
        assertThat(normalizer.clean("Réfugiés, l'ONU")).isEqualTo("Réfugiés, l'ONU");
        assertThat(normalizer.clean("\u200B \t")).isEmpty();
        assertThat(normalizer.clean("refer\u00ADral to the\u200BICC,\nplease")).isEqualTo("referral to theICC, please");
    }
}
