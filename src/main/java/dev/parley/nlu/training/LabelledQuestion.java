package dev.parley.nlu.training;

import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainingExample;

/**
 * One line of an evaluation file.
 *
 * @param label the expected intent id, or {@value #OUT_OF_SCOPE} when the bot should fall back
 * @param text  the question
 */
public record LabelledQuestion(String label, String text) {

    public static final String OUT_OF_SCOPE = "oos";

    /** A training example as a question to test, the classifier's out-of-scope class read as {@code oos}. */
    public static LabelledQuestion of(TrainingExample example) {
        return new LabelledQuestion(
                Prediction.OUT_OF_SCOPE.equals(example.intent()) ? OUT_OF_SCOPE : example.intent(), example.text());
    }

    /** The question as a training example, {@code oos} read as the classifier's out-of-scope class. */
    public TrainingExample asTrainingExample() {
        return new TrainingExample(outOfScope() ? Prediction.OUT_OF_SCOPE : label, text);
    }

    public boolean outOfScope() {
        return OUT_OF_SCOPE.equals(label);
    }
}
