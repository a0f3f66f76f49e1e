package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class OnnxSentenceEncoderTest {

    private final SentenceEncoder encoder =
            OnnxSentenceEncoder.shared(OnnxSentenceEncoder.EncoderModel.ALL_MINILM_L6_V2, 1);

    @Test
    void aRetrainingGetsTheSameEmbeddingsAndCallersOnlyEverHoldCopies() {
        String icc = "who can refer cases to the ICC?";
        List<float[]> first = encoder.embedAll(List.of(icc, "what does the UNHCR do?"));
        float[] original = first.get(0).clone();
        first.get(0)[0] += 42; // a caller scribbling on what it was given

        List<float[]> again = encoder.embedAll(List.of("what does the UNHCR do?", icc, "what is the IOM?"));

        assertThat(again.get(1)).containsExactly(original, within(0f));
        assertThat(again.get(1)).containsExactly(encoder.embed(icc), within(1e-4f));
        assertThat(again.get(2)).containsExactly(encoder.embed("what is the IOM?"), within(1e-4f));
    }

    @Test
    void disguisedTextReadsAsItsPlainForm() {
        float[] plain = encoder.embed("Who can refer cases to the ICC?");

        assertThat(encoder.embed("Ｗｈｏ ｃａｎ\u0000 refer\u202E  cases to the ＩＣＣ？")).containsExactly(plain, within(1e-5f));
        assertThat(encoder.embedAll(List.of("  Who can refer cases to the ICC? ")).get(0))
                .containsExactly(plain, within(1e-4f));
        assertThat(encoder.embed("\u200B")).hasSize(384);
    }
}
