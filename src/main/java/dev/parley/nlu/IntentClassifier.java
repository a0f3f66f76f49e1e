package dev.parley.nlu;

/**
 * Ranks the known intents for a question. Implementations are immutable and safe to share between threads; a new
 * knowledge base means a newly trained classifier, never a changed one.
 */
public interface IntentClassifier {

    /**
     * Classifies a question, reading the form of it that this classifier needs ({@link Question#words()},
     * {@link Question#sentence()}); a question without any word ranks every intent equally.
     */
    Prediction classify(Question question);
}
