package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CachedClassifierTest {

    /** Ranks by the text it was given and writes down every question it was asked. */
    private static final class RecordingClassifier implements IntentClassifier {

        final List<String> asked = new ArrayList<>();

        @Override
        public Prediction classify(Question question) {
            asked.add(question.text());
            return new Prediction(List.of(new ScoredIntent(question.sentence(), 0.75),
                    new ScoredIntent("other", 0.25)));
        }
    }

    @Test
    void aRepeatedQuestionGetsTheSamePredictionWithoutBeingClassifiedAgain() {
        var recording = new RecordingClassifier();
        var cached = new CachedClassifier(recording);

        Prediction first = cached.classify(Question.of("who can refer cases to the ICC?"));
        Prediction again = cached.classify(Question.of("who can refer cases to the ICC?"));

        assertThat(again).isEqualTo(first);
        assertThat(recording.asked).containsExactly("who can refer cases to the ICC?");
    }

    @Test
    void textsThatOneOfTheClassifiersReadsDifferentlyAreClassifiedEach() {
        var recording = new RecordingClassifier();
        var cached = new CachedClassifier(recording);

        // the same words for maxent, but the encoder reads case and punctuation
        cached.classify(Question.of("who can refer cases to the ICC?"));
        cached.classify(Question.of("Who can refer cases to the icc"));
        cached.classify(Question.of("who can refer cases to the ICC"));

        assertThat(recording.asked).containsExactly("who can refer cases to the ICC?",
                "Who can refer cases to the icc", "who can refer cases to the ICC");
    }

    @Test
    void aRetrainedClassifierNeverServesThePredictionsOfTheOneBefore() {
        var before = new CachedClassifier(new RecordingClassifier());
        var retrained = new RecordingClassifier();
        var after = new CachedClassifier(retrained);

        before.classify(Question.of("what does the UNHCR do?"));
        after.classify(Question.of("what does the UNHCR do?"));

        assertThat(retrained.asked).containsExactly("what does the UNHCR do?");
    }

    @Test
    void uncachedIsTheClassifierItWraps() {
        var recording = new RecordingClassifier();

        assertThat(new CachedClassifier(recording).uncached()).isSameAs(recording);
    }
}
