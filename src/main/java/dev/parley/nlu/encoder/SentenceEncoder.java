package dev.parley.nlu.encoder;

import java.util.List;

/** Turns a sentence into a fixed-length vector whose direction carries its meaning. Thread-safe. */
public interface SentenceEncoder {

    /** The sentence's embedding, normalised to length 1. */
    float[] embed(String sentence);

    /** The embeddings of many sentences, in order; implementations may encode them in parallel. */
    default List<float[]> embedAll(List<String> sentences) {
        return sentences.stream().map(this::embed).toList();
    }
}
