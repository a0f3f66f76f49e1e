package dev.parley.nlu.encoder;

import dev.parley.nlu.EncoderSettings;

/** Builds the sentence encoder that settings name: the one resource the encoder settings stand for. */
public final class SentenceEncoders {

    private SentenceEncoders() {
    }

    /**
     * The shared encoder these settings name, loaded on first use: a server or a command that serves maxent alone
     * never loads the model.
     */
    public static SentenceEncoder shared(EncoderSettings settings) {
        int threads = settings.threads();
        return new LazySentenceEncoder(
                () -> OnnxSentenceEncoder.shared(OnnxSentenceEncoder.EncoderModel.ALL_MINILM_L6_V2, threads));
    }

    /**
     * What the shared encoder's embeddings depend on: its model and the versions of the artifacts that run it.
     * Part of the key of anything trained on embeddings and kept between starts.
     */
    public static String modelIdentity() {
        return OnnxSentenceEncoder.EncoderModel.ALL_MINILM_L6_V2.identity();
    }
}
