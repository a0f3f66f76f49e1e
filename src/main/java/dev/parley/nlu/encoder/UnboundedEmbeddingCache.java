package dev.parley.nlu.encoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every embedding it makes, without bound, until it is {@linkplain #seal() sealed}: for a training, whose
 * folds and models embed the same examples again and again, and for evaluation runs, which then end. Once sealed it
 * still gives what it remembers and embeds any other sentence without keeping it, so a classifier trained with it
 * and then served does not keep every question it is ever asked. Thread-safe; callers only ever get copies.
 */
public final class UnboundedEmbeddingCache implements SentenceEncoder {

    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private volatile boolean sealed;

    public UnboundedEmbeddingCache(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /** From now on, remembers nothing more: what it remembers is still given, anything else embedded afresh. */
    public void seal() {
        sealed = true;
    }

    @Override
    public float[] embed(String sentence) {
        float[] known = cache.get(sentence);
        if (known != null) {
            return known.clone();
        }
        return sealed ? encoder.embed(sentence) : cache.computeIfAbsent(sentence, encoder::embed).clone();
    }

    @Override
    public List<float[]> embedAll(List<String> sentences) {
        List<String> missing = sentences.stream().distinct().filter(s -> !cache.containsKey(s)).toList();
        List<float[]> embedded = missing.isEmpty() ? List.of() : encoder.embedAll(missing);
        Map<String, float[]> fresh = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            fresh.put(missing.get(i), embedded.get(i));
        }
        if (!sealed) {
            cache.putAll(fresh);
        }
        var vectors = new ArrayList<float[]>(sentences.size());
        sentences.forEach(s -> vectors.add((fresh.containsKey(s) ? fresh.get(s) : cache.get(s)).clone()));
        return vectors;
    }

    /** How many embeddings it remembers. */
    int size() {
        return cache.size();
    }
}
