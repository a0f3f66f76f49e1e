package dev.parley.evaluation;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentIntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.TrainingExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains on the intents (or on a label<TAB>text file), runs a held-out test file and prints",
                "in-scope accuracy, out-of-scope recall and precision, false-fallback rate, macro-F1 and the worst",
                "confusions. Starts no server."})
final class EvaluateCommand implements Callable<Integer> {

    private static final long FOLD_SEED = 42;

    @Spec
    CommandSpec spec;

    @Option(names = "--test", required = true, paramLabel = "FILE",
            description = "Held-out questions, label<TAB>text per line; label 'oos' for out of scope.")
    Path test;

    @Option(names = "--train", paramLabel = "FILE",
            description = "Train on this label<TAB>text file instead of the intents folder.")
    Path train;

    @Option(names = "--cross-validate", paramLabel = "K",
            description = "Also run stratified K-fold cross-validation over the training examples.")
    Integer folds;

    @Option(names = "--tune", paramLabel = "FILE",
            description = {"Choose the fallback thresholds on this label<TAB>text file (never the test file),",
                    "together with the cross-validation predictions when --cross-validate is given."})
    Path tune;

    @Mixin
    SharedOptions shared;

    @Option(names = "--classifier", paramLabel = "NAME", defaultValue = "maxent",
            description = {"maxent, encoder or hybrid (default: ${DEFAULT-VALUE}). encoder and hybrid calibrate,",
                    "weigh and pick thresholds on the --tune file, which they therefore need."})
    String classifierName;

    @Override
    public Integer call() {
        var settings = new ApplicationSettings(shared.overrides);
        NluProperties nlu = settings.nlu();
        List<TrainingExample> examples = trainingExamples(settings, nlu);
        if (!classifierName.equals("maxent")) {
            return evaluateWithEncoder(nlu, examples);
        }
        Function<List<TrainingExample>, IntentClassifier> trainer =
                sample -> MaxentIntentClassifier.train(sample, nlu.maxent());

        long started = System.nanoTime();
        MaxentIntentClassifier classifier = MaxentIntentClassifier.train(examples, nlu.maxent());
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        List<Evaluator.Classified> crossValidated =
                folds == null ? List.of() : CrossValidation.run(examples, folds, FOLD_SEED, trainer);
        FallbackPolicy policy = nlu.fallback();
        double temperature = nlu.maxent().temperature();
        IntentClassifier evaluated = classifier;
        if (tune != null) {
            Calibration.Tuned tuned = Calibration.tune(classifier, LabelledQuestionFile.read(tune), crossValidated);
            temperature *= tuned.temperature();
            evaluated = tuned.classifier();
            crossValidated = tempered(crossValidated, tuned.temperature());
            policy = tuned.policy();
        }
        EvaluationReport report = Evaluator.evaluate(evaluated, policy, LabelledQuestionFile.read(test));
        EvaluationReport crossReport = folds == null ? null
                : ReportBuilder.build(Evaluator.outcomes(crossValidated, policy));

        Map<String, Object> serving = new LinkedHashMap<>();
        if (tune != null) {
            serving.put("parley.nlu.maxent.temperature", round(temperature));
            serving.putAll(fallbackSettings("parley.nlu.fallback", policy));
        }
        return print(report, policy, temperature, trainSeconds, examples.size(), crossReport, serving);
    }

    /** The sentence encoder or the hybrid: calibrated, weighed and thresholded on the tuning file. */
    private Integer evaluateWithEncoder(NluProperties nlu, List<TrainingExample> examples) {
        if (!List.of("encoder", "hybrid").contains(classifierName)) {
            throw new ParameterException(spec.commandLine(),
                    "Unknown classifier '" + classifierName + "'; available: maxent, encoder, hybrid");
        }
        if (tune == null || folds != null) {
            throw new ParameterException(spec.commandLine(),
                    "--classifier " + classifierName + " needs --tune FILE and does not cross-validate");
        }
        List<LabelledQuestion> tuning = LabelledQuestionFile.read(tune);
        long started = System.nanoTime();
        var trained = new CalibratedClassifiers(examples, tuning, nlu);
        IntentClassifier base = classifierName.equals("encoder") ? trained.encoder() : trained.hybrid();
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        Calibration.Tuned tuned = Calibration.tune(base, tuning, List.of());
        EvaluationReport report = Evaluator.evaluate(tuned.classifier(), tuned.policy(), LabelledQuestionFile.read(test));
        Map<String, Object> serving = new LinkedHashMap<>();
        serving.put("parley.nlu.classifier", classifierName);
        if (classifierName.equals("encoder")) {
            serving.put("parley.nlu.encoder.temperature", round(tuned.temperature()));
            serving.putAll(fallbackSettings("parley.nlu.encoder.fallback", tuned.policy()));
        } else {
            CalibratedClassifiers.HybridCalibration hybrid = trained.hybridCalibration().orElseThrow();
            serving.put("parley.nlu.hybrid.maxent-temperature", round(hybrid.maxentTemperature()));
            serving.put("parley.nlu.hybrid.encoder-temperature", round(hybrid.encoderTemperature()));
            serving.put("parley.nlu.hybrid.maxent-weight", hybrid.maxentWeight());
            serving.put("parley.nlu.hybrid.temperature", round(tuned.temperature()));
            serving.putAll(fallbackSettings("parley.nlu.hybrid.fallback", tuned.policy()));
        }
        return print(report, tuned.policy(), tuned.temperature(), trainSeconds, examples.size(), null, serving);
    }

    /** The fallback thresholds under a settings prefix, as application.yml names them. */
    private static Map<String, Object> fallbackSettings(String prefix, FallbackPolicy policy) {
        var settings = new LinkedHashMap<String, Object>();
        settings.put(prefix + ".min-confidence", policy.minConfidence());
        settings.put(prefix + ".min-margin", policy.minMargin());
        return settings;
    }

    /** Three decimals, as a setting is written down; calibration is not sensitive below that. */
    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * @param serving the settings that serve the classifier just measured, as calibrated here; empty when nothing
     *                was calibrated
     */
    private Integer print(EvaluationReport report, FallbackPolicy policy, double temperature, double trainSeconds,
                          int trainingExamples, EvaluationReport crossReport, Map<String, Object> serving) {
        PrintWriter out = spec.commandLine().getOut();
        if (shared.json) {
            Map<String, Object> result =
                    jsonResult(report, policy, temperature, trainSeconds, trainingExamples, crossReport);
            if (!serving.isEmpty()) {
                result.put("servingSettings", serving);
            }
            out.println(JsonMapper.builder().build().writeValueAsString(result));
        } else {
            out.printf("Trained on %d examples in %.2f s; temperature %.3f%n", trainingExamples, trainSeconds,
                    temperature);
            if (!serving.isEmpty()) {
                out.println("To serve it as calibrated here:");
                serving.forEach((key, value) -> out.printf("  --%s=%s%n", key, value));
            }
            ReportPrinter.print(out, test.toString(), report, policy);
            if (crossReport != null) {
                out.println();
                ReportPrinter.print(out, folds + "-fold cross-validation of the training examples", crossReport,
                        policy);
            }
        }
        out.flush();
        return 0;
    }

    private static List<Evaluator.Classified> tempered(List<Evaluator.Classified> classified, double temperature) {
        return classified.stream()
                .map(c -> new Evaluator.Classified(c.question(), c.prediction().tempered(temperature))).toList();
    }

    private List<TrainingExample> trainingExamples(ApplicationSettings settings, NluProperties nlu) {
        if (train != null) {
            return LabelledQuestionFile.read(train).stream().map(LabelledQuestion::asTrainingExample).toList();
        }
        return TrainedKnowledge.trainingExamples(settings.knowledge().load(), nlu);
    }

    private Map<String, Object> jsonResult(EvaluationReport report, FallbackPolicy policy, double temperature,
                                           double trainSeconds,
                                           int trainingExamples, EvaluationReport crossReport) {
        var result = new LinkedHashMap<String, Object>();
        result.put("inScopeAccuracy", report.inScopeAccuracy());
        result.put("oosRecall", report.oosRecall());
        result.put("oosPrecision", report.oosPrecision());
        result.put("falseFallbackRate", report.falseFallbackRate());
        result.put("macroF1", report.macroF1());
        result.put("count", report.count());
        result.put("inScopeCount", report.inScopeCount());
        result.put("outOfScopeCount", report.outOfScopeCount());
        result.put("minConfidence", policy.minConfidence());
        result.put("minMargin", policy.minMargin());
        result.put("temperature", temperature);
        result.put("calibrationError", report.calibrationError());
        result.put("trainingExamples", trainingExamples);
        result.put("trainSeconds", trainSeconds);
        result.put("worstConfusions", report.worstConfusions());
        if (crossReport != null) {
            result.put("crossValidation", Map.of("folds", folds, "inScopeAccuracy", crossReport.inScopeAccuracy(),
                    "oosRecall", crossReport.oosRecall(), "falseFallbackRate", crossReport.falseFallbackRate(),
                    "calibrationError", crossReport.calibrationError()));
        }
        return result;
    }
}
