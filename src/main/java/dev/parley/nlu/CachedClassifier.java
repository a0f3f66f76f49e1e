package dev.parley.nlu;

import java.util.List;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A served classifier that remembers its predictions for the questions asked lately: FAQ traffic repeats itself (a
 * few questions make most of it), and a repeated question would otherwise cost the sentence encoder again. The
 * key is exactly what the classifiers read ({@link Question#words()}, {@link Question#sentence()}), so a
 * remembered prediction is the prediction, and the memory belongs to one trained classifier: a retraining makes a
 * new one, which never serves the old model's predictions. Bounded (least recently and frequently used go first),
 * thread-safe; predictions are immutable and shared.
 */
public final class CachedClassifier implements IntentClassifier {

    /** Questions remembered; a prediction ranks every intent, some 2 KB for the seed knowledge base. */
    static final int MAXIMUM_QUESTIONS = 4_096;

    private final IntentClassifier classifier;
    // upkeep (eviction) on the asking thread: the common pool it would go to has one worker on two cores, which
    // training also uses
    private final Cache<Key, Prediction> predictions = Caffeine.newBuilder().maximumSize(MAXIMUM_QUESTIONS)
            .executor(Runnable::run).build();

    public CachedClassifier(IntentClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
    }

    @Override
    public Prediction classify(Question question) {
        var key = new Key(question.words(), question.sentence());
        Prediction known = predictions.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // classified outside the cache: computing inside it would hold a lock of its map for the encoder's
        // milliseconds; two visitors asking the same new question at once both classify it, to the same prediction
        Prediction prediction = classifier.classify(question);
        predictions.put(key, prediction);
        return prediction;
    }

    /** The classifier itself, for a benchmark of its own cost. */
    public IntentClassifier uncached() {
        return classifier;
    }

    /** What the maxent side reads (the words) and what the encoder reads (the sentence). */
    private record Key(List<String> words, String sentence) {
    }
}
