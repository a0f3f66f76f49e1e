package dev.parley.nlu;

/** Turns a sentence into a fixed-length vector whose direction carries its meaning. Thread-safe. */
public interface SentenceEncoder {

    /** The sentence's embedding, normalised to length 1. */
    float[] embed(String sentence);
}
