package dev.parley.nlu.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.nlu.Question;

/**
 * The sentence encoder's own limit on this machine, in sentences a second: what no server can beat for texts that
 * never repeat. The texts are the unique-text load's (the tuning questions, each with a suffix that makes it
 * unique). Three ways: the encoder as served ({@link OnnxSentenceEncoder} through LangChain4j, one ONNX run per
 * sentence), one ONNX run per sentence on the same session without LangChain4j's extra work (it tokenises each text
 * three times and copies the output into Java arrays), and {@value #BATCH} sentences per ONNX run, padded to the
 * longest with an attention mask. Batching changes the embeddings (the quantised model scales each batch as a whole,
 * docs/benchmarks.md), so it is a limit measured, not a way served. Run with {@code -t 1} and {@code -t 2} (threads,
 * one ONNX thread each, as served); the command is in docs/benchmarks.md; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class EncoderThroughputBenchmark {

    static final int BATCH = 8;

    private List<String> sentences;
    private final AtomicInteger next = new AtomicInteger();
    private SentenceEncoder served;
    private OrtEnvironment environment;
    private OrtSession session;
    private HuggingFaceTokenizer tokenizer;

    @Setup(Level.Trial)
    public void load() throws IOException, OrtException {
        var texts = new ArrayList<String>();
        int n = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/evaluation/tuning.tsv"),
                StandardCharsets.UTF_8)) {
            texts.add(Question.of(line.split("\t")[1] + " (t1-" + (100_000 + n++) + ")").sentence());
        }
        sentences = List.copyOf(texts);
        served = OnnxSentenceEncoder.shared(OnnxSentenceEncoder.EncoderModel.ALL_MINILM_L6_V2, 1);
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
             InputStream vocabulary = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
             var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            environment = OrtEnvironment.getEnvironment();
            session = environment.createSession(model.readAllBytes(), options);
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws OrtException {
        session.close();
        tokenizer.close();
    }

    private String sentence() {
        return sentences.get(Math.floorMod(next.getAndIncrement(), sentences.size()));
    }

    @Benchmark
    public float[] served() {
        return served.embed(sentence());
    }

    @Benchmark
    public float[][][] onePerRun() throws OrtException {
        return run(List.of(sentence()));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public float[][][] batchOf8() throws OrtException {
        var batch = new ArrayList<String>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(sentence());
        }
        return run(batch);
    }

    private float[][][] run(List<String> texts) throws OrtException {
        var encodings = new ArrayList<Encoding>(texts.size());
        int longest = 0;
        for (String text : texts) {
            Encoding encoding = tokenizer.encode(text, true, false);
            encodings.add(encoding);
            longest = Math.max(longest, encoding.getIds().length);
        }
        int rows = texts.size();
        long[] ids = new long[rows * longest];
        long[] mask = new long[rows * longest];
        for (int row = 0; row < rows; row++) {
            long[] tokens = encodings.get(row).getIds();
            for (int t = 0; t < tokens.length; t++) {
                ids[row * longest + t] = tokens[t];
                mask[row * longest + t] = 1;
            }
        }
        long[] shape = {rows, longest};
        try (var inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             var attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             var types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * longest]), shape);
             var result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                     "token_type_ids", types))) {
            return (float[][][]) result.get(0).getValue();
        }
    }
}
