package dev.parley.nlu.maxent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import dev.parley.nlu.MaxentSettings;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainingExample;
import dev.parley.testing.NluFixtures;

class MaxentIntentClassifierTest {

    static final MaxentSettings SETTINGS = NluFixtures.maxentOnly().maxent();

    /** A tiny real model: three intents and a learnt out-of-scope class. */
    static MaxentIntentClassifier tinyClassifier() {
        var examples = new ArrayList<TrainingExample>();
        add(examples, "icc-referral", "who can refer cases to the icc", "icc referrals",
                "which bodies may send a case to the international criminal court", "can a state refer a case",
                "can the security council refer a case to the court", "who sends cases to the icc prosecutor");
        add(examples, "unhcr", "what does the unhcr do", "unhcr mandate", "what is the un refugee agency",
                "how does the unhcr protect refugees", "tell me about unhcr", "who protects refugees and displaced people");
        add(examples, "greeting", "hello", "hi there", "good morning", "hey", "hiya", "hello bot");
        add(examples, Prediction.OUT_OF_SCOPE, "what is the weather today", "best pizza recipe", "who won the match",
                "how do i reset my phone", "asdfgh", "play some music", "how many players are on a team");
        return MaxentIntentClassifier.train(examples, SETTINGS);
    }

    private static void add(List<TrainingExample> examples, String intent, String... texts) {
        for (String text : texts) {
            examples.add(new TrainingExample(intent, text));
        }
    }

    @Test
    void ranksTheRightIntentFirstForUnseenPhrasings() {
        var classifier = tinyClassifier();

        assertThat(classifier.classify("Who is allowed to refer a case to the ICC?").top().intent())
                .isEqualTo("icc-referral");
        assertThat(classifier.classify("what's the UNHCR for").top().intent()).isEqualTo("unhcr");
        assertThat(classifier.classify("Hello!").top().intent()).isEqualTo("greeting");
    }

    @Test
    void characterNgramsCarryTyposToTheRightIntent() {
        assertThat(tinyClassifier().classify("refferals to the internatinal criminal cort").top().intent())
                .isEqualTo("icc-referral");
    }

    @Test
    void outOfScopeQuestionsGoToTheOutOfScopeClass() {
        var classifier = tinyClassifier();

        assertThat(classifier.classify("what's the weather like tomorrow").outOfScope()).isTrue();
        assertThat(classifier.classify("what is the best recipe for soup").outOfScope()).isTrue();
    }

    @Test
    void scoresAreProbabilitiesRankedHighestFirst() {
        Prediction prediction = tinyClassifier().classify("unhcr");

        assertThat(prediction.ranking()).hasSize(4);
        assertThat(prediction.ranking().stream().mapToDouble(ScoredIntent::score).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prediction.ranking()).extracting(ScoredIntent::score)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void textWithoutKnownWordsSpreadsItsScoreEvenly() {
        Prediction prediction = tinyClassifier().classify("🙂🙂🙂");

        assertThat(prediction.top().score()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void isSafeToShareBetweenThreads() {
        var classifier = tinyClassifier();
        List<String> questions = List.of("who can refer cases to the icc", "what does the unhcr do", "hello",
                "best pizza recipe");
        List<String> alone = questions.stream().map(q -> classifier.classify(q).top().intent()).toList();

        List<String> together = IntStream.range(0, 400).parallel()
                .mapToObj(i -> classifier.classify(questions.get(i % 4)).top().intent()).toList();

        assertThat(together).isEqualTo(IntStream.range(0, 400).mapToObj(i -> alone.get(i % 4)).toList());
    }

    @Test
    void needsAtLeastTwoIntents() {
        assertThatThrownBy(() -> MaxentIntentClassifier.train(List.of(new TrainingExample("a", "x")), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("training needs examples of at least two intents, got 1");
    }
}
