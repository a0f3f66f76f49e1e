package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.testing.NluFixtures;
import dev.parley.testing.StandIns;

/**
 * The served classifier embeds its examples once for all of training, and then keeps none of the questions it is
 * asked: a server answering texts that never repeat must not grow with them.
 */
class ServedClassifierMemoryTest {

    /** One dimension per letter, and a note of every sentence embedded one at a time. */
    private static final class LetterEncoder implements SentenceEncoder {
        final List<String> embeddedAlone = new ArrayList<>();

        @Override
        public synchronized float[] embed(String sentence) {
            embeddedAlone.add(sentence);
            return letters(sentence);
        }

        @Override
        public List<float[]> embedAll(List<String> sentences) {
            return sentences.stream().map(LetterEncoder::letters).toList();
        }

        private static float[] letters(String sentence) {
            float[] vector = new float[27];
            vector[26] = 0.1f;
            for (char c : sentence.toLowerCase().toCharArray()) {
                if (c >= 'a' && c <= 'z') {
                    vector[c - 'a'] += 1;
                }
            }
            return vector;
        }
    }

    @Test
    void aQuestionAskedTwiceIsEmbeddedTwiceAndATrainingExampleNotAtAll() {
        List<TrainingExample> examples = StandIns.shopExamples();
        var encoder = new LetterEncoder();
        ServedClassifier.Trained trained = ServedClassifier.train(ClassifierKind.ENCODER, examples,
                NluFixtures.defaults(), encoder, CalibrationCache.none());
        encoder.embeddedAlone.clear();

        Prediction first = trained.classifier().classify(Question.of("is my parcel on its way"));
        Prediction again = trained.classifier().classify(Question.of("is my parcel on its way"));
        trained.classifier().classify(Question.of("track my order"));

        assertThat(again).isEqualTo(first);
        assertThat(encoder.embeddedAlone).as("a new question is embedded each time it is asked, never kept; a "
                + "training example is known").containsExactly("is my parcel on its way", "is my parcel on its way");
    }
}
