package dev.parley.nlu;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which features the maxent classifier learns from; chosen by measurement on held-apart data (docs/quality.md).
 *
 * @param stemBigrams     add pairs of neighbouring stems ("refer case")
 * @param charNgramMin    shortest character n-gram taken from each word, 0 for none
 * @param charNgramMax    longest character n-gram taken from each word
 * @param plainFunctionWords give function words ({@link FunctionWords}) their word feature only, no bigram or
 *                        character n-grams, so that a question's frame does not outvote its subject
 */
public record FeatureSettings(@DefaultValue("true") boolean stemBigrams, @DefaultValue("4") int charNgramMin,
                              @DefaultValue("4") int charNgramMax, @DefaultValue("true") boolean plainFunctionWords) {
    public FeatureSettings {
        if (charNgramMin < 0 || charNgramMax < charNgramMin) {
            throw new IllegalArgumentException("character n-gram range must satisfy 0 <= min <= max, got "
                    + charNgramMin + ".." + charNgramMax);
        }
    }

    public boolean charNgrams() {
        return charNgramMin > 0;
    }
}
