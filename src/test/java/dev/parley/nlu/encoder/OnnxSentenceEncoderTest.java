package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.Question;

/** The real encoder (its memory of training sets: {@link LastTrainingSetCacheTest}). */
class OnnxSentenceEncoderTest {

    private final SentenceEncoder encoder =
            OnnxSentenceEncoder.shared(OnnxSentenceEncoder.EncoderModel.ALL_MINILM_L6_V2, 1);

    /** The encoder reads what {@link Question#sentence()} made of the text, as the encoder classifier passes it. */
    @Test
    void disguisedTextReadsAsItsPlainForm() {
        float[] plain = encoder.embed(sentence("Who can refer cases to the ICC?"));

        assertThat(encoder.embed(sentence("Ｗｈｏ ｃａｎ\u0000 refer\u202E  cases to the ＩＣＣ？")))
                .containsExactly(plain, within(1e-5f));
        assertThat(encoder.embedAll(List.of(sentence("  Who can refer cases to the ICC? "))).get(0))
                .containsExactly(plain, within(1e-4f));
        assertThat(encoder.embed(sentence("\u200B"))).as("nothing left to read").hasSize(384);
    }

    private static String sentence(String text) {
        return Question.of(text).sentence();
    }
}
