package dev.parley.nlu;

/**
 * Ranks the known intents for a question. Implementations are immutable and safe to share between threads; a new
 * knowledge base means a newly trained classifier, never a changed one.
 */
public interface IntentClassifier {

    /** Classifies raw user text; text without any word ranks every intent equally. */
    Prediction classify(String text);
}
