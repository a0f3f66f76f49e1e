package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The real encoder (its memory of training sets: {@link LastTrainingSetCacheTest}). */
class OnnxSentenceEncoderTest {

    private final SentenceEncoder encoder =
            OnnxSentenceEncoder.shared(OnnxSentenceEncoder.EncoderModel.ALL_MINILM_L6_V2, 1);

    @Test
    void disguisedTextReadsAsItsPlainForm() {
        float[] plain = encoder.embed("Who can refer cases to the ICC?");

        assertThat(encoder.embed("Ｗｈｏ ｃａｎ\u0000 refer\u202E  cases to the ＩＣＣ？")).containsExactly(plain, within(1e-5f));
        assertThat(encoder.embedAll(List.of("  Who can refer cases to the ICC? ")).get(0))
                .containsExactly(plain, within(1e-4f));
        assertThat(encoder.embed("\u200B")).hasSize(384);
    }
}
