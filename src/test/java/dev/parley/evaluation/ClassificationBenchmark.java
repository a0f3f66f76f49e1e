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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.parley.nlu.EncoderIntentClassifier;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentIntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.TrainingExample;

/**
 * Single-question classification time of each classifier, trained on the seed knowledge base as the server trains
 * it. Run with the command in docs/benchmarks.md; it is not part of the test suite.
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

    private IntentClassifier maxent;
    private IntentClassifier encoder;
    private int next;

    @Setup
    public void train() {
        // The server's own settings (application.yml), so the benchmark measures what is served.
        var settings = new ApplicationSettings(Map.of());
        NluProperties nlu = settings.nlu();
        List<TrainingExample> examples = TrainedKnowledge.trainingExamples(settings.knowledge().load(), nlu);
        maxent = MaxentIntentClassifier.train(examples, nlu.maxent());
        encoder = EncoderIntentClassifier.train(examples, nlu.encoder().sentenceEncoder(), nlu.encoder());
    }

    private String question() {
        next = (next + 1) % QUESTIONS.size();
        return QUESTIONS.get(next);
    }

    @Benchmark
    public Prediction maxent() {
        return maxent.classify(question());
    }

    @Benchmark
    public Prediction encoder() {
        return encoder.classify(question());
    }
}
