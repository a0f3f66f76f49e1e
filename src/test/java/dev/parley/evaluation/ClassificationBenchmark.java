package dev.parley.evaluation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.parley.commandline.ApplicationSettings;
import dev.parley.nlu.CachedClassifier;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.training.KnowledgeTrainer;

/**
 * Single-question classification time of each classifier, trained on the seed knowledge base and calibrated exactly
 * as the server trains it (application.yml), with the encoder's ONNX Runtime threads per question as a parameter.
 * Run with the command in docs/benchmarks.md; it is not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassificationBenchmark {

    private static final List<String> QUESTIONS = List.of("who can refer cases to the ICC?",
            "what is the weather in Paris?", "how does the unhcr help refugees and displaced people",
            "tell me about the red cross", "what drives migration today");

    /**
     * ONNX Runtime threads one question may use (parley.nlu.encoder.threads); 0 is one per core. By default the
     * served setting only, so maxent is not measured twice for a parameter it ignores; {@code -p onnxThreads=0,1}
     * compares them.
     */
    @Param({"1"})
    public int onnxThreads;

    private IntentClassifier maxent;
    private IntentClassifier encoder;
    private IntentClassifier hybrid;
    private int next;

    @Setup
    public void train() {
        maxent = served(ClassifierKind.MAXENT);
        encoder = served(ClassifierKind.ENCODER);
        hybrid = served(ClassifierKind.HYBRID);
    }

    /** What the server would serve with this classifier: its own settings, so the benchmark measures that. */
    private IntentClassifier served(ClassifierKind kind) {
        var settings = new ApplicationSettings(Map.of("parley.nlu.classifier", kind.name(),
                "parley.nlu.encoder.threads", String.valueOf(onnxThreads)));
        NluProperties nlu = settings.nlu();
        // the classifier's own cost: the served one remembers the five questions after their first round
        return ((CachedClassifier) new KnowledgeTrainer(settings.knowledge(), nlu).train().classifier()).uncached();
    }

    private String question() {
        next = (next + 1) % QUESTIONS.size();
        return QUESTIONS.get(next);
    }

    @Benchmark
    public Prediction maxent() {
        return maxent.classify(Question.of(question()));
    }

    @Benchmark
    public Prediction encoder() {
        return encoder.classify(Question.of(question()));
    }

    @Benchmark
    public Prediction hybrid() {
        return hybrid.classify(Question.of(question()));
    }
}
