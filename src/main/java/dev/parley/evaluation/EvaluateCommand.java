package dev.parley.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import dev.parley.conversation.ClarificationPolicy;
import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.nlu.Calibration;
import dev.parley.nlu.ClassifierKind;
import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.NluProperties;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.TrainingExample;
import dev.parley.nlu.encoder.SentenceEncoder;
import dev.parley.nlu.encoder.SentenceEncoders;
import dev.parley.nlu.encoder.UnboundedEmbeddingCache;
import dev.parley.nlu.training.CalibratedClassifiers;
import dev.parley.nlu.training.CalibrationCache;
import dev.parley.nlu.training.CrossValidation;
import dev.parley.nlu.training.Evaluator;
import dev.parley.nlu.training.LabelledQuestion;
import dev.parley.nlu.training.Outcome;
import dev.parley.nlu.training.ServedClassifier;
import dev.parley.nlu.training.UncalibratedClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code java -jar parley.jar evaluate}: the bot the server would serve, measured on held-out questions. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains on the intents (or on a label<TAB>text file), runs a held-out test file and prints",
                "in-scope accuracy, out-of-scope recall and precision, false-fallback rate, macro-F1 and the worst",
                "confusions. Starts no server."})
public final class EvaluateCommand implements Callable<Integer> {

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
            description = {"Calibrate anew on this label<TAB>text file (never the test file), together with the",
                    "cross-validation predictions when --cross-validate is given: the temperatures, the hybrid's",
                    "weight and the fallback thresholds; prints the settings that serve the result. Without it,",
                    "the classifier is evaluated exactly as the settings serve it."})
    Path tune;

    @Option(names = "--replies", paramLabel = "FILE",
            description = {"Also write each test question's reply as the server would give it:",
                    "label<TAB>given<TAB>text, given an intent id, 'oos' for a fallback, '?' for \"Did you mean…?\"."})
    Path replies;

    @Mixin
    SharedOptions shared;

    @Option(names = "--classifier", paramLabel = "NAME",
            description = {"maxent, encoder or hybrid (default: the one parley.nlu.classifier serves)."})
    String classifierName;

    @Override
    public Integer call() {
        var settings = shared.settings();
        NluProperties nlu = settings.nlu();
        ClassifierKind kind = classifierName == null ? nlu.classifier() : SharedOptions.classifier(spec, classifierName);
        KnowledgeBase knowledge = train == null ? settings.knowledge().load() : null;
        // a training file is read as the server reads a knowledge base: its "oos" lines are its own out-of-scope
        // questions, and the bundled ones join them when the settings say so
        List<TrainingExample> examples = train == null ? TrainedKnowledge.trainingExamples(knowledge, nlu)
                : TrainedKnowledge.trainingExamples(LabelledQuestionFile.read(train).stream()
                        .map(LabelledQuestion::asTrainingExample).toList(), nlu);
        Trained trained = tune == null ? asServed(kind, nlu, examples) : calibrated(kind, nlu, examples);

        List<Outcome> outcomes = Evaluator.outcomes(
                Evaluator.classify(trained.classifier(), LabelledQuestionFile.read(test)), trained.policy());
        // what "Did you mean…?" would do to these answers; with a --train file every label counts as content
        Predicate<String> isContent = knowledge == null ? id -> !Prediction.OUT_OF_SCOPE.equals(id)
                : id -> knowledge.find(id).filter(intent -> !intent.isSmallTalk()).isPresent();
        ClarificationPolicy clarification = settings.conversation().clarification();
        ClarificationEffect clarified = ClarificationEffect.measure(outcomes, clarification, isContent);
        ClarificationEffect crossClarified = trained.crossOutcomes() == null ? null
                : ClarificationEffect.measure(trained.crossOutcomes(), clarification, isContent);
        ServedAnswers served = ServedAnswers.of(outcomes, clarification, isContent);
        warnOfSparselyPhrased(knowledge);
        if (replies != null) {
            writeReplies(served);
        }
        return print(kind, trained, ReportBuilder.build(outcomes), clarification, clarified, crossClarified,
                examples.size(), served);
    }

    /**
     * A classifier ready to evaluate.
     *
     * @param calibration   its temperatures and fallback thresholds
     * @param crossOutcomes how the cross-validation folds answered; null without folds
     * @param serving       the settings that serve it as calibrated here; empty when nothing was calibrated
     */
    private record Trained(IntentClassifier classifier, Calibration calibration, double trainSeconds,
                           List<Outcome> crossOutcomes, Map<String, Object> serving) {

        FallbackPolicy policy() {
            return calibration.fallback();
        }

        double temperature() {
            return calibration.temperature();
        }
    }

    /** The classifier trained and calibrated exactly as the server would serve it on these examples. */
    private Trained asServed(ClassifierKind kind, NluProperties nlu, List<TrainingExample> examples) {
        // cross-validation embeds the same training texts in every fold: remembered once
        SentenceEncoder sentences = new UnboundedEmbeddingCache(SentenceEncoders.shared(nlu.encoder()));
        long started = System.nanoTime();
        ServedClassifier.Trained served = ServedClassifier.train(kind, examples, nlu, sentences,
                CalibrationCache.none());
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        Calibration calibration = served.calibration();
        List<Outcome> crossOutcomes = folds == null ? null
                : Evaluator.outcomes(CrossValidation.run(examples, folds, CrossValidation.SEED,
                        sample -> UncalibratedClassifier.train(kind, sample, nlu, sentences).calibrated(calibration)),
                        calibration.fallback());
        return new Trained(served.classifier(), calibration, trainSeconds, crossOutcomes,
                served.fitted() ? NluProperties.settingsFor(kind, calibration) : Map.of());
    }

    /**
     * The classifier calibrated anew: temperatures, the hybrid's weight and the fallback thresholds fitted on the
     * tuning file, together with the cross-validation predictions when folds are given.
     */
    private Trained calibrated(ClassifierKind kind, NluProperties nlu, List<TrainingExample> examples) {
        long started = System.nanoTime();
        var calibrated = new CalibratedClassifiers(examples, LabelledQuestionFile.read(tune), nlu,
                folds == null ? 0 : folds, SentenceEncoders.shared(nlu.encoder())).calibrate(kind);
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        Calibration calibration = calibrated.calibration();
        List<Outcome> crossOutcomes = folds == null ? null
                : Evaluator.outcomes(calibrated.outOfFold(), calibration.fallback());
        return new Trained(calibrated.classifier(), calibration, trainSeconds, crossOutcomes,
                NluProperties.settingsFor(kind, calibration));
    }

    private Integer print(ClassifierKind kind, Trained trained, EvaluationReport report,
                          ClarificationPolicy clarification, ClarificationEffect clarified,
                          ClarificationEffect crossClarified, int trainingExamples, ServedAnswers served) {
        PrintWriter out = spec.commandLine().getOut();
        String name = kind.settingName();
        if (shared.json) {
            Map<String, Object> result = jsonResult(report, trained, trainingExamples, crossClarified);
            result.put("classifier", name);
            result.put("clarification", clarified);
            result.put("served", servedJson(served));
            if (!trained.serving().isEmpty()) {
                result.put("servingSettings", trained.serving());
            }
            out.println(JsonMapper.builder().build().writeValueAsString(result));
        } else {
            out.printf("Trained %s on %d examples in %.2f s; temperature %.3f%n", name, trainingExamples,
                    trained.trainSeconds(), trained.temperature());
            if (!trained.serving().isEmpty()) {
                out.println("To serve it as calibrated here:");
                trained.serving().forEach((key, value) -> out.printf("  --%s=%s%n", key, value));
            }
            ReportPrinter.print(out, test.toString(), report, trained.policy());
            printClarification(out, clarification, clarified);
            out.printf("As served (\"Did you mean…?\" a miss in scope, not answering out of scope): in-scope %.1f%%, "
                            + "out-of-scope recall %.1f%%, overall accuracy %.1f%%, MCC %.3f; asked back %d%n",
                    served.inScopeAccuracy() * 100, served.oosRecall() * 100, served.accuracy() * 100, served.mcc(),
                    served.clarified());
            if (trained.crossOutcomes() != null) {
                out.println();
                ReportPrinter.print(out, folds + "-fold cross-validation of the training examples",
                        ReportBuilder.build(trained.crossOutcomes()), trained.policy());
                printClarification(out, clarification, crossClarified);
            }
        }
        out.flush();
        return 0;
    }

    /** On the error stream, so that {@code --json} output stays one object. */
    private void warnOfSparselyPhrased(KnowledgeBase knowledge) {
        if (knowledge == null || knowledge.sparselyPhrased().isEmpty()) {
            return;
        }
        List<Intent> sparse = knowledge.sparselyPhrased();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("warning: %d of %d intents have fewer than %d phrasings (question and examples); the bot recognises "
                        + "them less reliably. Fewest first: %s%n", sparse.size(), knowledge.size(),
                Intent.RECOMMENDED_PHRASINGS, sparse.stream().limit(10)
                        .map(intent -> intent.id() + " (" + intent.phrasings() + ")").toList());
        err.flush();
    }

    private static Map<String, Object> servedJson(ServedAnswers served) {
        var json = new LinkedHashMap<String, Object>();
        json.put("inScopeAccuracy", served.inScopeAccuracy());
        json.put("oosRecall", served.oosRecall());
        json.put("accuracy", served.accuracy());
        json.put("mcc", served.mcc());
        json.put("clarified", served.clarified());
        return json;
    }

    private void writeReplies(ServedAnswers served) {
        var lines = new ArrayList<String>();
        for (ServedAnswers.Reply reply : served.replies()) {
            lines.add(reply.label() + "\t" + reply.given() + "\t" + reply.text());
        }
        try {
            Files.write(replies, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + replies, e);
        }
    }

    private static void printClarification(PrintWriter out, ClarificationPolicy clarification,
                                           ClarificationEffect clarified) {
        out.printf("Clarification (max-confidence %.2f, min-runner-up-ratio %.2f): %d answered right and %d wrong; "
                        + "\"Did you mean…?\" instead of %d right and %d wrong answers (the right intent offered in "
                        + "%d) and of %d out-of-scope answers%n", clarification.maxConfidence(),
                clarification.minRunnerUpRatio(), clarified.answeredRight(), clarified.answeredWrong(),
                clarified.rightAsked(), clarified.wrongAsked(), clarified.wrongAskedOffered(),
                clarified.outOfScopeAsked());
    }

    private Map<String, Object> jsonResult(EvaluationReport report, Trained trained, int trainingExamples,
                                           ClarificationEffect crossClarified) {
        FallbackPolicy policy = trained.policy();
        EvaluationReport crossReport = trained.crossOutcomes() == null ? null
                : ReportBuilder.build(trained.crossOutcomes());
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
        result.put("temperature", trained.temperature());
        result.put("calibrationError", report.calibrationError());
        result.put("trainingExamples", trainingExamples);
        result.put("trainSeconds", trained.trainSeconds());
        result.put("worstConfusions", report.worstConfusions());
        if (crossReport != null) {
            result.put("crossValidation", Map.of("folds", folds, "inScopeAccuracy", crossReport.inScopeAccuracy(),
                    "oosRecall", crossReport.oosRecall(), "falseFallbackRate", crossReport.falseFallbackRate(),
                    "calibrationError", crossReport.calibrationError(), "clarification", crossClarified));
        }
        return result;
    }
}
