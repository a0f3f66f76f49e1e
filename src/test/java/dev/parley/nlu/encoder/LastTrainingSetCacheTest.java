package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LastTrainingSetCacheTest {

    /** Embeds a sentence as its length, and notes every sentence it was asked to embed. */
    private static final class CountingEncoder implements SentenceEncoder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public synchronized float[] embed(String sentence) {
            embedded.add(sentence);
            return new float[] {sentence.length()};
        }
    }

    private final CountingEncoder counting = new CountingEncoder();
    private final LastTrainingSetCache encoder = new LastTrainingSetCache(counting);

    @Test
    void aRetrainingEmbedsOnlyTheExamplesThatChanged() {
        encoder.embedAll(List.of("who can refer cases", "what is the iom", "who can refer cases"));
        counting.embedded.clear();

        List<float[]> again = encoder.embedAll(List.of("what is the iom", "what does the unhcr do"));

        assertThat(counting.embedded).containsExactly("what does the unhcr do");
        assertThat(again).extracting(vector -> vector[0]).containsExactly(15f, 22f);
    }

    @Test
    void onlyTheLastTrainingSetIsKept() {
        encoder.embedAll(List.of("first set"));
        encoder.embedAll(List.of("second set"));
        counting.embedded.clear();

        encoder.embedAll(List.of("first set"));

        assertThat(counting.embedded).containsExactly("first set");
    }

    @Test
    void callersGetCopiesAndSingleQuestionsPassStraightThrough() {
        encoder.embedAll(List.of("icc")).get(0)[0] = 99;

        assertThat(encoder.embedAll(List.of("icc")).get(0)).containsExactly(3f);
        counting.embedded.clear();
        encoder.embed("icc");
        assertThat(counting.embedded).containsExactly("icc");
    }
}
