package dev.parley.nlu.encoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the embeddings of the last {@link #embedAll} call, and only those (an evaluation run, which ends, may keep
 * all: {@link UnboundedEmbeddingCache}): training embeds every example, and a
 * retraining after a reload would embed them all again though most did not change. Memory holds one training set
 * at most; questions asked one at a time ({@link #embed}) pass straight through. Thread-safe: the memory is an
 * immutable map swapped whole, and callers only ever get copies of the vectors.
 */
final class LastTrainingSetCache implements SentenceEncoder {

    private final SentenceEncoder encoder;
    private volatile Map<String, float[]> lastTraining = Map.of();

    LastTrainingSetCache(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[] embed(String sentence) {
        return encoder.embed(sentence);
    }

    @Override
    public List<float[]> embedAll(List<String> sentences) {
        Map<String, float[]> known = lastTraining;
        List<String> missing = sentences.stream().distinct().filter(text -> !known.containsKey(text)).toList();
        List<float[]> fresh = missing.isEmpty() ? List.of() : encoder.embedAll(missing);
        Map<String, float[]> embedded = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            embedded.put(missing.get(i), fresh.get(i));
        }
        var remembered = new HashMap<String, float[]>();
        var vectors = new ArrayList<float[]>(sentences.size());
        for (String sentence : sentences) {
            float[] vector = known.containsKey(sentence) ? known.get(sentence) : embedded.get(sentence);
            remembered.put(sentence, vector);
            vectors.add(vector.clone());
        }
        lastTraining = Map.copyOf(remembered);
        return vectors;
    }
}
