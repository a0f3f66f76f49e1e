package dev.parley.nlu.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every embedding it ever made, without bound: for evaluation runs that encode the same texts again and
 * again (benchmarks, cross-validation) and then end. A server never uses it; it keeps only the last training set
 * ({@link LastTrainingSetCache}).
 */
public final class UnboundedEmbeddingCache implements SentenceEncoder {

    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public UnboundedEmbeddingCache(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[] embed(String sentence) {
        return cache.computeIfAbsent(sentence, encoder::embed).clone();
    }

    @Override
    public List<float[]> embedAll(List<String> sentences) {
        List<String> missing = sentences.stream().distinct().filter(s -> !cache.containsKey(s)).toList();
        List<float[]> embedded = encoder.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
            cache.put(missing.get(i), embedded.get(i));
        }
        var vectors = new ArrayList<float[]>(sentences.size());
        sentences.forEach(s -> vectors.add(cache.get(s).clone()));
        return vectors;
    }
}
