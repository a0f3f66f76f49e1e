package dev.parley.nlu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers embeddings, for runs that encode the same texts again and again (benchmarks, cross-validation). */
public final class CachingSentenceEncoder implements SentenceEncoder {

    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public CachingSentenceEncoder(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[] embed(String sentence) {
        return cache.computeIfAbsent(sentence, encoder::embed).clone();
    }
}
