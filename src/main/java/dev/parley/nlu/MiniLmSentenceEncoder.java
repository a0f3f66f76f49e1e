package dev.parley.nlu;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * all-MiniLM-L6-v2, quantised, run in process by ONNX Runtime from the LangChain4j artifact that ships the model.
 * Loading takes about a second; create one and share it.
 */
public final class MiniLmSentenceEncoder implements SentenceEncoder {

    static {
        // DJL (the tokenizer's native loader) would report usage over the network and cache in the home folder:
        // neither is wanted in a server that must start without a network.
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", java.nio.file.Path.of("data", "djl").toAbsolutePath().toString());
        }
    }

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public float[] embed(String sentence) {
        float[] vector = model.embed(sentence.isBlank() ? "?" : sentence).content().vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) norm;
            }
        }
        return vector;
    }
}
