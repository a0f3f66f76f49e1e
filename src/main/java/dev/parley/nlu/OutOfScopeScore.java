package dev.parley.nlu;

/**
 * Where the encoder classifier's doubt that a question is in scope comes from (docs/quality.md, "Public
 * benchmarks").
 */
public enum OutOfScopeScore {
    /** The regression's own probabilities: the fallback threshold reads the top intent's probability. */
    PROBABILITY,
    /**
     * The Mahalanobis distance of the question's embedding to the nearest intent's mean (Lee et al. 2018): a question
     * far from every intent keeps only part of its probability mass, so the same threshold falls back on it. The
     * regression still ranks the intents.
     */
    MAHALANOBIS
}
