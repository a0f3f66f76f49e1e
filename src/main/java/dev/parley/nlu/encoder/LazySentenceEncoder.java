package dev.parley.nlu.encoder;

import java.util.List;
import java.util.function.Supplier;

/**
 * A sentence encoder fetched on first use: a server or a command that serves maxent alone never loads the model
 * (a second of start-up and some 100 MiB). The supplier must be cheap to call again (a shared instance).
 */
final class LazySentenceEncoder implements SentenceEncoder {

    private final Supplier<SentenceEncoder> encoder;

    LazySentenceEncoder(Supplier<SentenceEncoder> encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[] embed(String sentence) {
        return encoder.get().embed(sentence);
    }

    @Override
    public List<float[]> embedAll(List<String> sentences) {
        return encoder.get().embedAll(sentences);
    }
}
