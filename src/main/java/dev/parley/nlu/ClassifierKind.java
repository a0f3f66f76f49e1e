package dev.parley.nlu;

import java.util.Locale;

/**
 * Which classifier the bot serves ({@code parley.nlu.classifier}); each is measured in docs/quality.md.
 */
public enum ClassifierKind {
    /** OpenNLP maximum entropy over words, stems and character n-grams: trains in about a second, answers in µs. */
    MAXENT,
    /** Softmax regression on sentence embeddings: knows wordings the examples never used, costs ms per question. */
    ENCODER,
    /** The calibrated probabilities of both, blended. */
    HYBRID;

    /** Its name as {@code parley.nlu.classifier} spells it, and as reports and stored exchanges name it. */
    public String settingName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
