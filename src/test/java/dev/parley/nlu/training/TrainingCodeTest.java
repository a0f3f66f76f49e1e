package dev.parley.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The training code's identity covers the classes that train and read questions, and is the same for one build. */
class TrainingCodeTest {

    @Test
    void coversTheClassifiersTheTrainingAndTheTextRules() {
        assertThat(TrainingCode.classFiles()).contains("dev/parley/nlu/encoder/EncoderIntentClassifier.class",
                "dev/parley/nlu/maxent/MaxentIntentClassifier.class", "dev/parley/nlu/training/CrossValidation.class",
                "dev/parley/nlu/TextNormalizer.class", "dev/parley/text/Phrasing.class")
                .doesNotHaveDuplicates().isSorted();
    }

    @Test
    void twoStartsOfOneBuildComputeTheSameIdentity() {
        assertThat(TrainingCode.computed()).hasSize(64).isEqualTo(TrainingCode.computed());
    }
}
