package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.parley.text.Phrasing;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void cleansTextForTheSentenceEncoderKeepingCaseAndPunctuation() {
        assertThat(normalizer.clean("Ｗｈｏ ｃａｎ\u0000 refer\u202E  cases to the ＩＣＣ？ "))
                .isEqualTo("Who can refer cases to the ICC?");
        assertThat(normalizer.clean("Réfugiés, l'ONU")).isEqualTo("Réfugiés, l'ONU");
        assertThat(normalizer.clean("\u200B \t")).isEmpty();
        assertThat(normalizer.clean("refer\u00ADral to the\u200BICC,\nplease")).isEqualTo("referral to theICC, please");
    }

    /** Storage sizes its columns by MAX_EXPANSION: no code point, in any context of letters, may exceed it. */
    @Test
    void noCodePointExpandsBeyondTheDocumentedMaximum() {
        int widest = 0;
        int widestCodePoint = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.getType(codePoint) == Character.SURROGATE) {
                continue;
            }
            // Between letters, so that nothing it becomes is stripped as leading or trailing space.
            String text = "a" + Character.toString(codePoint) + "a";
            int expansion = Math.max(Phrasing.comparable(text).length(), normalizer.clean(text).length()) - 2;
            if (expansion > widest) {
                widest = expansion;
                widestCodePoint = codePoint;
            }
        }

        assertThat(widest).isEqualTo(TextNormalizer.MAX_EXPANSION);
        assertThat(widestCodePoint).isEqualTo(0xFDFA);
    }

    @Test
    void theWidestQuestionExpandsByTheMaximumAndNoMore() {
        assertThat(Phrasing.comparable("\uFDFA").length()).isEqualTo(18);
        assertThat(Phrasing.comparable("\uFDFA".repeat(1000)).length()).isEqualTo(1000 * TextNormalizer.MAX_EXPANSION);
        assertThat(Phrasing.comparable("\u0130STANBUL")).as("a dotted capital I lower-cases to one letter here")
                .isEqualTo("istanbul");
        assertThat(Phrasing.comparable("\uFB2C\uFF29\uFF23\uFF23")).as("Hebrew shin with marks; full-width ICC")
                .isEqualTo("\u05E9icc");
    }
}
