package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.TrainingExample.Evidence;

class CrossValidationTest {

    private static final List<TrainingExample> QUESTIONS_AND_ANSWERS = List.of(
            new TrainingExample("opening-hours", "When are you open?"),
            new TrainingExample("opening-hours", "We open at nine on weekdays.", Evidence.ANSWER),
            new TrainingExample("returns", "How do I return a bike?"),
            new TrainingExample("returns", "Bring it back within 30 days.", Evidence.ANSWER),
            new TrainingExample("rentals", "Can I rent a bike?"),
            new TrainingExample("rentals", "Rentals cost ten euros a day.", Evidence.ANSWER));

    @Test
    void answerSentencesAreLearntInEveryFoldAndNeverAsked() {
        var trainings = new ArrayList<List<TrainingExample>>();

        List<Evaluator.Classified> asked = CrossValidation.run(QUESTIONS_AND_ANSWERS, 3, CrossValidation.SEED,
                training -> {
                    trainings.add(training);
                    return anything();
                });

        assertThat(asked).extracting(classified -> classified.question().text())
                .containsExactlyInAnyOrder("When are you open?", "How do I return a bike?", "Can I rent a bike?");
        // an intent whose one phrasing is held out is still known by its answer: its question is in scope
        assertThat(asked).noneMatch(classified -> classified.question().outOfScope());
        assertThat(trainings).hasSize(3).allSatisfy(training -> assertThat(training)
                .filteredOn(example -> !example.isPhrasing()).hasSize(3));
    }

    @Test
    void nearQuestionsMadeFromLeftOutIntentsAreTheirPhrasingsAlone() {
        List<Evaluator.Classified> asked = CrossValidation.unknownIntents(QUESTIONS_AND_ANSWERS, 3,
                CrossValidation.SEED, training -> anything());

        assertThat(asked).extracting(classified -> classified.question().text())
                .containsExactlyInAnyOrder("When are you open?", "How do I return a bike?", "Can I rent a bike?");
        assertThat(asked).allMatch(classified -> classified.question().outOfScope());
    }

    private static IntentClassifier anything() {
        return question -> new Prediction(List.of(new ScoredIntent(Prediction.OUT_OF_SCOPE, 1.0)));
    }
}
