package dev.parley.nlu.maxent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.MaxentSettings;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainingExample;

/**
 * An OpenNLP maximum-entropy document categorizer over the normalised words of questions ({@link Question#words()}).
 *
 * <p>Training goes through {@link DocumentCategorizerME#train}; classification evaluates the trained
 * {@link MaxentModel} directly with the same feature generator, because {@code DocumentCategorizerME} is not on
 * OpenNLP's list of thread-safe classes while the model's evaluation only reads it.
 */
public final class MaxentIntentClassifier implements IntentClassifier {

    private final FeatureGenerator features;
    private final MaxentModel model;

    private MaxentIntentClassifier(FeatureGenerator features, MaxentModel model) {
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
        var features = new QuestionFeatures(settings.features());
        // an intent's answer sentences are one document: a long answer would otherwise outnumber its phrasings
        var samples = new ArrayList<DocumentSample>();
        Map<String, List<String>> answerWords = new LinkedHashMap<>();
        for (TrainingExample example : examples) {
            if (example.isPhrasing()) {
                samples.add(new DocumentSample(example.intent(), words(Question.of(example.text()))));
            } else {
                answerWords.computeIfAbsent(example.intent(), intent -> new ArrayList<>())
                        .addAll(Question.of(example.text()).words());
            }
        }
        answerWords.forEach((intent, words) -> samples.add(new DocumentSample(intent, words.toArray(String[]::new))));
        try {
            DoccatModel model = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                    parameters(settings), new DoccatFactory(new FeatureGenerator[] {features}));
            return new MaxentIntentClassifier(features, model.getMaxentModel());
        } catch (IOException e) {
            throw new UncheckedIOException("training the maxent model failed", e);
        }
    }

    /**
     * Writes the trained model with OpenNLP's own model writer, so that {@link #readFrom} restores a classifier that
     * gives exactly these predictions.
     */
    public void writeTo(DataOutput out) throws IOException {
        var bytes = new ByteArrayOutputStream();
        // the writer closes its stream when done: it gets one of its own
        new GenericModelWriter((AbstractModel) model, new DataOutputStream(bytes)).persist();
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    /**
     * A classifier as {@link #writeTo} wrote it; {@code settings} must be those it was trained with (its features
     * are made from them again).
     */
    public static MaxentIntentClassifier readFrom(DataInput in, MaxentSettings settings) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        var reader = new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes)));
        return new MaxentIntentClassifier(new QuestionFeatures(settings.features()), reader.getModel());
    }

    @Override
    public Prediction classify(Question question) {
        String[] words = words(question);
        double[] probabilities = model.eval(features.extractFeatures(words, Map.of()).toArray(String[]::new));
        var ranking = new ArrayList<ScoredIntent>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranking.add(new ScoredIntent(model.getOutcome(i), probabilities[i]));
        }
        return new Prediction(ranking);
    }

    private static String[] words(Question question) {
        return question.words().toArray(String[]::new);
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
