package dev.parley.nlu.maxent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentSettings;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TextNormalizer;
import dev.parley.nlu.TrainingExample;

/**
 * An OpenNLP maximum-entropy document categorizer over normalised questions.
 *
 * <p>Training goes through {@link DocumentCategorizerME#train}; classification evaluates the trained
 * {@link MaxentModel} directly with the same feature generator, because {@code DocumentCategorizerME} is not on
 * OpenNLP's list of thread-safe classes while the model's evaluation only reads it.
 */
public final class MaxentIntentClassifier implements IntentClassifier {

    private final TextNormalizer normalizer;
    private final FeatureGenerator features;
    private final MaxentModel model;

    private MaxentIntentClassifier(TextNormalizer normalizer, FeatureGenerator features, MaxentModel model) {
        this.normalizer = normalizer;
        this.features = features;
        this.model = model;
    }

    /**
     * Trains a classifier on {@code examples}; needs at least two intents. Its probabilities are the model's own
     * (temperature 1): calibration is applied to them afterwards ({@code UncalibratedClassifier}, nlu.training).
     */
    public static MaxentIntentClassifier train(List<TrainingExample> examples, MaxentSettings settings) {
        long intents = examples.stream().map(TrainingExample::intent).distinct().count();
        if (intents < 2) {
            throw new IllegalArgumentException("training needs examples of at least two intents, got " + intents);
        }
        var normalizer = new TextNormalizer();
        var features = new QuestionFeatures(settings.features());
        var samples = examples.stream()
                .map(example -> new DocumentSample(example.intent(), words(normalizer, example.text())))
                .toList();
        try {
            DoccatModel model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                    parameters(settings), new DoccatFactory(new FeatureGenerator[] {features}));
            return new MaxentIntentClassifier(normalizer, features, model.getMaxentModel());
        } catch (IOException e) {
            throw new UncheckedIOException("training the maxent model failed", e);
        }
    }

    @Override
    public Prediction classify(String text) {
        String[] words = words(normalizer, text);
        double[] probabilities = model.eval(features.extractFeatures(words, Map.of()).toArray(String[]::new));
        var ranking = new ArrayList<ScoredIntent>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranking.add(new ScoredIntent(model.getOutcome(i), probabilities[i]));
        }
        return new Prediction(ranking);
    }

    private static String[] words(TextNormalizer normalizer, String text) {
        return normalizer.words(text).toArray(String[]::new);
    }

    private static TrainingParameters parameters(MaxentSettings settings) {
        var parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        parameters.put("L2Cost", settings.l2());
        // OpenNLP logs every iteration to stdout unless told otherwise.
        parameters.put("PrintMessages", false);
        return parameters;
    }
}
