package dev.parley.nlu.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A sentence encoder shipped inside a LangChain4j Maven artifact (the ONNX model and its tokenizer are class path
 * resources), run in process by ONNX Runtime. Nothing is downloaded at run time.
 *
 * <p>The ONNX session is built here rather than by LangChain4j so that the number of threads one question may use
 * is a setting: ONNX Runtime's default, one per core, competes with the server's own threads, and the slowest
 * questions wait for it (docs/benchmarks.md). Loading takes a second or more, so encoders are shared:
 * {@link #shared} creates each model and thread count once per JVM.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

    private static final Map<String, SentenceEncoder> SHARED = new ConcurrentHashMap<>();

    private final InProcessModel model;

    private OnnxSentenceEncoder(EncoderModel which, int threads) {
        DjlStaysLocal.apply();
        this.model = new InProcessModel(load(which, threads));
    }

    /**
     * The one encoder of this model and thread count in this JVM, remembering the last training set's embeddings
     * ({@link LastTrainingSetCache}) so that a retraining after a reload embeds only what changed.
     *
     * @param threads ONNX Runtime threads per question; 0 lets it use one per core
     */
    static SentenceEncoder shared(EncoderModel which, int threads) {
        Objects.requireNonNull(which, "model must not be null");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, got " + threads);
        }
        return SHARED.computeIfAbsent(which + "/" + threads,
                key -> new LastTrainingSetCache(new OnnxSentenceEncoder(which, threads)));
    }

    @Override
    public float[] embed(String sentence) {
        return normalised(model.embed(nonBlank(sentence)).content().vector());
    }

    /** Encodes on all cores at once (LangChain4j spreads the sentences over a thread pool): training is faster. */
    @Override
    public List<float[]> embedAll(List<String> sentences) {
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = sentences.stream().map(s -> TextSegment.from(nonBlank(s))).toList();
        return model.embedAll(segments).content().stream().map(e -> normalised(e.vector())).toList();
    }

    private static OnnxBertBiEncoder load(EncoderModel which, int threads) {
        ClassLoader loader = OnnxSentenceEncoder.class.getClassLoader();
        try (InputStream onnx = resource(loader, which.modelResource());
             InputStream tokenizer = resource(loader, which.tokenizerResource());
             var options = new OrtSession.SessionOptions()) {
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, which.pooling());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder " + which, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder " + which, e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) {
        InputStream stream = loader.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the class path: is its LangChain4j artifact missing?");
        }
        return stream;
    }

    /**
     * What the model reads: the sentence as given, already cleaned of the disguises its tokenizer does not undo
     * ({@link Question#sentence()}), and never empty, which the model cannot embed.
     */
    private static String nonBlank(String sentence) {
        return sentence.isBlank() ? "?" : sentence;
    }

    private static float[] normalised(float[] vector) {
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

    /** LangChain4j's in-process model around our own session: it brings tokenisation, pooling and batching. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        InProcessModel(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }

    /** The encoders whose artifacts are on the class path, with how their token vectors are pooled. */
    public enum EncoderModel {
        /** all-MiniLM-L6-v2, quantised: 6 layers, 384 dimensions, mean pooling. */
        ALL_MINILM_L6_V2("all-minilm-l6-v2-q", PoolingMode.MEAN);

        private final String name;
        private final PoolingMode pooling;

        EncoderModel(String name, PoolingMode pooling) {
            this.name = name;
            this.pooling = pooling;
        }

        String modelResource() {
            return name + ".onnx";
        }

        String tokenizerResource() {
            return name + "-tokenizer.json";
        }

        PoolingMode pooling() {
            return pooling;
        }

        /**
         * What the embeddings depend on, for keys of what is trained on them: the model's name and the artifacts
         * (with their versions) of the model file, ONNX Runtime, the tokenizer and LangChain4j's pooling.
         */
        String identity() {
            ClassLoader loader = OnnxSentenceEncoder.class.getClassLoader();
            var identity = new StringBuilder(name);
            for (String resource : List.of(modelResource(), "ai/onnxruntime/OrtSession.class",
                    "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer.class",
                    "dev/langchain4j/model/embedding/onnx/OnnxBertBiEncoder.class")) {
                var url = loader.getResource(resource);
                String where = url == null ? "missing" : url.toString();
                // jar:nested:/…/parley.jar/!BOOT-INF/lib/onnxruntime-1.20.0.jar!/ai/…: the artifact, not the folder
                int end = where.lastIndexOf(".jar!");
                int start = where.lastIndexOf('/', end) + 1;
                identity.append(' ').append(end > 0 ? where.substring(start, end + 4) : where);
            }
            return identity.toString();
        }
    }
}
