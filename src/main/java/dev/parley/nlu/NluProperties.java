package dev.parley.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the classifier and the fallback decision ({@code parley.nlu.*}, documented in application.yml).
 *
 * @param classifier which classifier the bot serves
 * @param fallback   when to say "I don't know" instead of answering, while maxent is served (the encoder and the
 *                   hybrid have thresholds of their own, measured on their own calibrated scale)
 * @param maxent     how the maxent classifier is trained
 * @param encoder    how the encoder classifier is trained and calibrated
 * @param hybrid     how the hybrid blends the two
 * @param learnOutOfScope whether to train an out-of-scope class on the bundled generic questions
 *                        ({@link OutOfScopeExamples}); measured in docs/quality.md
 */
@ConfigurationProperties("parley.nlu")
public record NluProperties(@DefaultValue("hybrid") ClassifierKind classifier, @DefaultValue FallbackPolicy fallback,
                            @DefaultValue MaxentSettings maxent, @DefaultValue EncoderSettings encoder,
                            @DefaultValue HybridSettings hybrid, @DefaultValue("true") boolean learnOutOfScope) {

    /** The fallback thresholds of the classifier that is served. */
    public FallbackPolicy servedFallback() {
        return fallbackOf(classifier);
    }

    /** The temperature that calibrates one kind of classifier's confidence (the blend's, for the hybrid). */
    public double temperatureOf(ClassifierKind kind) {
        return switch (kind) {
            case MAXENT -> maxent.temperature();
            case ENCODER -> encoder.temperature();
            case HYBRID -> hybrid.temperature();
        };
    }

    /** The fallback thresholds configured for one kind of classifier, on its own calibrated scale. */
    public FallbackPolicy fallbackOf(ClassifierKind kind) {
        return switch (kind) {
            case MAXENT -> fallback;
            case ENCODER -> encoder.fallback();
            case HYBRID -> hybrid.fallback();
        };
    }
}
