package dev.parley.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.training.CalibrationCache;
import dev.parley.nlu.training.ServedClassifier;
import dev.parley.testing.NluFixtures;

class TrainedKnowledgeTest {

    private static final FallbackPolicy FALLBACK = new FallbackPolicy(0.1, 0);

    private static NluProperties settings(boolean learnOutOfScope) {
        return NluFixtures.builder().classifier(ClassifierKind.MAXENT).uncalibrated().fallback(FALLBACK)
                .learnOutOfScope(learnOutOfScope).build();
    }

    private static Intent intent(String id, String... examples) {
        return new Intent(id, id + " question", List.of(examples), "An answer.", Optional.empty(), List.of(),
                List.of(Intent.SMALL_TALK));
    }

    private static final KnowledgeBase KNOWLEDGE = new KnowledgeBase(
            List.of(intent("icc-role", "what does the icc do", "icc role"),
                    intent("unhcr", "what does the unhcr do", "unhcr mandate")),
            List.of("when was the icc founded", "who heads the unhcr"), Map.of());

    @Test
    void theKnowledgeBasesOwnOutOfScopeQuestionsAreLearntAsOutOfScope() {
        List<TrainingExample> examples = TrainedKnowledge.trainingExamples(KNOWLEDGE, settings(true));

        assertThat(examples).contains(new TrainingExample(Prediction.OUT_OF_SCOPE, "when was the icc founded"),
                new TrainingExample(Prediction.OUT_OF_SCOPE, "who heads the unhcr"),
                new TrainingExample("icc-role", "icc role"));
        // three phrasings an intent: 75 of the bundled questions, spread over the list, not all 393
        assertThat(examples).filteredOn(example -> Prediction.OUT_OF_SCOPE.equals(example.intent())).hasSize(75 + 2)
                .contains(OutOfScopeExamples.bundled().get(0));
    }

    @Test
    void aBundledQuestionTheKnowledgeBaseAsksItselfIsNotLearntAsOutOfScope() {
        var pizzeria = List.of(new TrainingExample("order-pizza", "can I order a pizza for delivery"),
                new TrainingExample("order-pizza", "order pizza online"),
                new TrainingExample("forecast", "weather forecast for tonight and tomorrow"));

        List<String> kept = OutOfScopeExamples.notAnsweredBy(pizzeria).stream().map(TrainingExample::text).toList();

        assertThat(kept).doesNotContain("can you order me a pizza", "weather forecast for tonight", "weather")
                .contains("How do I make a classic margherita pizza at home?", "Do you like pizza?");
        assertThat(OutOfScopeExamples.notAnsweredBy(List.of(new TrainingExample("returns", "how do I return"))))
                .as("a knowledge base that asks none of them").isEqualTo(OutOfScopeExamples.bundled());
    }

    @Test
    void intentsWithManyPhrasingsLearnEveryBundledQuestionAndSingleOnesAShareOfThem() {
        var many = new java.util.ArrayList<TrainingExample>();
        var single = new java.util.ArrayList<TrainingExample>();
        for (int intent = 0; intent < 40; intent++) {
            single.add(new TrainingExample("intent-" + intent, "question " + intent));
            for (int phrasing = 0; phrasing < 16; phrasing++) {
                many.add(new TrainingExample("intent-" + intent, "phrasing " + phrasing + " of " + intent));
            }
        }

        assertThat(OutOfScopeExamples.bundledFor(many)).isEqualTo(OutOfScopeExamples.notAnsweredBy(many));
        assertThat(OutOfScopeExamples.bundledFor(single)).hasSize(25).doesNotHaveDuplicates()
                .isSubsetOf(OutOfScopeExamples.bundled());
    }

    @Test
    void withoutTheOutOfScopeClassNeitherListIsLearnt() {
        List<TrainingExample> examples = TrainedKnowledge.trainingExamples(KNOWLEDGE, settings(false));

        assertThat(examples).extracting(TrainingExample::intent).containsOnly("icc-role", "unhcr");
    }

    @Test
    void maxentAloneNeverTouchesTheSentenceEncoder() {
        var touched = new ArrayList<String>();
        SentenceEncoder watching = sentence -> {
            touched.add(sentence);
            throw new AssertionError("maxent must not embed anything");
        };

        IntentClassifier classifier = ServedClassifier.train(ClassifierKind.MAXENT,
                TrainedKnowledge.trainingExamples(KNOWLEDGE, settings(false)), settings(false), watching,
                CalibrationCache.none()).classifier();

        assertThat(classifier.classify(Question.of("what does the icc do")).top().intent()).isEqualTo("icc-role");
        assertThat(touched).isEmpty();
    }

    private static Intent answered(String id, String question, String answer, String... examples) {
        return new Intent(id, question, List.of(examples), answer, Optional.empty(), List.of(), List.of());
    }

    private static final KnowledgeBase QUESTIONS_AND_ANSWERS = new KnowledgeBase(List.of(
            answered("opening-hours", "When are you open?", "We open at **nine** on weekdays. We close at six."),
            answered("returns", "How do I return a bike?", "Bring it back to the shop within 30 days, with the receipt."),
            answered("rentals", "Can I rent a bike?", "Yes: city bikes cost ten euros a day, helmet included.",
                    "bike rental", "renting a bike", "hire a bike", "do you rent bikes")), List.of(), Map.of());

    @Test
    void anIntentWithFewPhrasingsAlsoLearnsTheSentencesOfItsAnswer() {
        List<TrainingExample> examples = TrainedKnowledge.trainingExamples(QUESTIONS_AND_ANSWERS, settings(false));

        assertThat(examples).filteredOn(example -> !example.isPhrasing()).containsExactly(
                new TrainingExample("opening-hours", "We open at nine on weekdays.", TrainingExample.Evidence.ANSWER),
                new TrainingExample("opening-hours", "We close at six.", TrainingExample.Evidence.ANSWER),
                new TrainingExample("returns", "Bring it back to the shop within 30 days, with the receipt.",
                        TrainingExample.Evidence.ANSWER));
        assertThat(examples).as("five phrasings need no answer to stand in for them")
                .filteredOn(example -> example.intent().equals("rentals")).allMatch(TrainingExample::isPhrasing);
    }

    @Test
    void aQuestionThatOnlyTheAnswerSpeaksOfIsAnsweredByIt() {
        NluProperties maxent = settings(false);

        IntentClassifier classifier = ServedClassifier.train(ClassifierKind.MAXENT,
                TrainedKnowledge.trainingExamples(QUESTIONS_AND_ANSWERS, maxent), maxent, sentence -> {
                    throw new AssertionError("maxent must not embed anything");
                }, CalibrationCache.none()).classifier();

        assertThat(classifier.classify(Question.of("what time do you close in the evening")).top().intent())
                .isEqualTo("opening-hours");
        assertThat(classifier.classify(Question.of("I lost the receipt")).top().intent()).isEqualTo("returns");
    }
}
