package dev.parley.evaluation;

import dev.parley.nlu.encoder.SentenceEncoders;
import dev.parley.nlu.training.CalibratedClassifiers;
import dev.parley.nlu.training.Evaluator;
import dev.parley.nlu.training.LabelledQuestion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Question;
import dev.parley.nlu.TrainingExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The classifier on public data sets, under the protocol of their papers (Larson et al. 2019): train, calibrate and
 * choose the out-of-scope threshold on validation data only, then report the test split once.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a classifier on a label<TAB>text file, calibrates it and picks the out-of-scope",
                "threshold on validation data (the oos-threshold protocol), then reports on the test split:",
                "in-scope accuracy, out-of-scope recall and precision, macro-F1, training time and latency.",
                "Starts no server."})
public final class BenchmarkCommand implements Callable<Integer> {

    private static final long HOLDOUT_SEED = 7;

    @Spec
    CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "FILE", description = "Training data, label<TAB>text; "
            + "lines labelled 'oos' are learnt as the out-of-scope class (the oos-train protocol).")
    Path train;

    @Option(names = "--val", paramLabel = "FILE", description = "In-scope validation data. Without it, "
            + "--holdout percent of each training label is held out for validation instead.")
    Path val;

    @Option(names = "--oos-val", paramLabel = "FILE", description = "Out-of-scope validation questions.")
    Path oosVal;

    @Option(names = "--test", required = true, paramLabel = "FILE", description = "In-scope test data.")
    Path test;

    @Option(names = "--oos-test", paramLabel = "FILE", description = "Out-of-scope test questions.")
    Path oosTest;

    @Option(names = "--holdout", paramLabel = "PERCENT", defaultValue = "10",
            description = "Share of each training label held out for validation when --val is not given "
                    + "(default: ${DEFAULT-VALUE}).")
    int holdoutPercent;

    @Option(names = "--classifier", paramLabel = "NAME", defaultValue = "maxent",
            description = "maxent, encoder (sentence embeddings + softmax regression) or hybrid (a blend of both, "
                    + "its weight chosen on validation) (default: ${DEFAULT-VALUE}).")
    String classifierName;

    @Mixin
    SharedOptions shared;

    @Override
    public Integer call() {
        ClassifierKind kind = SharedOptions.classifier(spec, classifierName);
        String name = kind.settingName();
        NluProperties nlu = shared.settings().nlu();
        List<LabelledQuestion> training = LabelledQuestionFile.read(train);
        List<LabelledQuestion> validation = new ArrayList<>();
        if (val != null) {
            validation.addAll(LabelledQuestionFile.read(val));
        } else {
            var split = holdOut(training, holdoutPercent);
            training = split.get(0);
            validation.addAll(split.get(1));
        }
        if (oosVal != null) {
            validation.addAll(LabelledQuestionFile.read(oosVal));
        }
        List<LabelledQuestion> testing = new ArrayList<>(LabelledQuestionFile.read(test));
        if (oosTest != null) {
            testing.addAll(LabelledQuestionFile.read(oosTest));
        }
        List<TrainingExample> examples = training.stream().map(LabelledQuestion::asTrainingExample).toList();

        long started = System.nanoTime();
        var calibrated = new CalibratedClassifiers(examples, validation, nlu, 0, SentenceEncoders.shared(nlu.encoder()))
                .calibrate(kind);
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        IntentClassifier classifier = calibrated.classifier();
        FallbackPolicy policy = calibrated.calibration().fallback();
        double temperature = calibrated.calibration().temperature();
        Double maxentWeight = calibrated.calibration() instanceof Calibration.Blended blended
                ? blended.maxentWeight() : null;

        EvaluationReport report = ReportBuilder.build(Evaluator.outcomes(Evaluator.classify(classifier, testing), policy));
        long[] latencies = latenciesNanos(classifier, testing);

        var result = new LinkedHashMap<String, Object>();
        result.put("inScopeAccuracy", report.inScopeAccuracy());
        result.put("oosRecall", report.oosRecall());
        result.put("oosPrecision", report.oosPrecision());
        result.put("macroF1", report.macroF1());
        result.put("trainSeconds", trainSeconds);
        result.put("latencyP50Micros", percentile(latencies, 50) / 1000.0);
        result.put("latencyP99Micros", percentile(latencies, 99) / 1000.0);
        result.put("threshold", policy.minConfidence());
        result.put("minMargin", policy.minMargin());
        result.put("temperature", temperature);
        result.put("calibrationError", report.calibrationError());
        result.put("trainingExamples", examples.size());
        result.put("validationQuestions", validation.size());
        result.put("testQuestions", testing.size());
        result.put("classifier", name);
        if (maxentWeight != null) {
            result.put("hybridMaxentWeight", maxentWeight);
        }

        PrintWriter out = spec.commandLine().getOut();
        if (shared.json) {
            out.println(JsonMapper.builder().build().writeValueAsString(result));
        } else {
            out.printf("Trained %s on %d examples in %.1f s; validated on %d questions (temperature %.3f%s)%n",
                    name, examples.size(), trainSeconds, validation.size(), temperature,
                    maxentWeight == null ? "" : ", maxent weight " + maxentWeight);
            ReportPrinter.print(out, "the test split", report, policy);
            out.printf("  latency per query    p50 %.1f µs, p99 %.1f µs%n", percentile(latencies, 50) / 1000.0,
                    percentile(latencies, 99) / 1000.0);
        }
        out.flush();
        return 0;
    }

    /** Holds out a share of every label's questions, after a seeded shuffle: [training, validation]. */
    static List<List<LabelledQuestion>> holdOut(List<LabelledQuestion> questions, int percent) {
        if (percent <= 0 || percent >= 100) {
            throw new IllegalArgumentException("--holdout must be between 1 and 99, got " + percent);
        }
        var kept = new ArrayList<LabelledQuestion>();
        var heldOut = new ArrayList<LabelledQuestion>();
        Map<String, List<LabelledQuestion>> byLabel = questions.stream()
                .collect(Collectors.groupingBy(LabelledQuestion::label, LinkedHashMap::new, Collectors.toList()));
        var random = new Random(HOLDOUT_SEED);
        byLabel.values().forEach(group -> {
            var shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int held = Math.max(1, Math.round(group.size() * percent / 100f));
            heldOut.addAll(shuffled.subList(0, Math.min(held, group.size() - 1)));
            kept.addAll(shuffled.subList(Math.min(held, group.size() - 1), shuffled.size()));
        });
        return List.of(kept, heldOut);
    }

    /**
     * Each query prepared and classified alone, after a warm-up pass, as the server handles one question at a time.
     * The timed pass swaps the case of each text's letters: the classifiers read the same words (maxent and the
     * encoder's tokenizer both lower-case), but the benchmark's embedding cache, keyed on the encoder's text, does
     * not recognise it, so every query is really encoded.
     */
    private static long[] latenciesNanos(IntentClassifier classifier, List<LabelledQuestion> questions) {
        questions.forEach(q -> classifier.classify(Question.of(q.text())));
        long[] nanos = new long[questions.size()];
        for (int i = 0; i < nanos.length; i++) {
            String uncached = swappedCase(questions.get(i).text());
            long start = System.nanoTime();
            classifier.classify(Question.of(uncached));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** One code point for one, so the text keeps its length and its words. */
    private static String swappedCase(String text) {
        return text.codePoints()
                .map(c -> Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
