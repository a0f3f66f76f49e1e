package dev.parley.nlu.encoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.parley.nlu.EncoderSettings;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.OutOfScopeScore;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainingExample;

/**
 * Softmax regression (multinomial logistic regression) on sentence embeddings: the encoder carries meaning across
 * wordings the training examples never used, the regression maps it to intents. Trained by mini-batch gradient
 * descent with L2 regularisation; immutable and thread-safe once trained.
 */
public final class EncoderIntentClassifier implements IntentClassifier {

    private static final int BATCH = 32;
    private static final long SEED = 11;
    /** Errors this small move no weight measurably; skipping them makes the later epochs several times faster. */
    private static final double NEGLIGIBLE_ERROR = 1e-7;
    /**
     * What an intent's answer sentences weigh together, in phrasings: chosen on the seed's tuning set with each
     * intent its question and answer only (1, 2, 3 and 5 tried: 80.2, 82.3, 82.3 and 75.0% of its in-scope questions
     * answered, 12.5, 9.4, 7.3 and 6.3% falsely refused; docs/quality.md, "A new knowledge base").
     */
    static final double ANSWER_WEIGHT = 3.0;

    private final SentenceEncoder encoder;
    private final String[] labels;
    private final double[][] weights;
    private final double[] bias;
    /** Null unless the settings ask for the Mahalanobis out-of-scope score. */
    private final MahalanobisScore distance;

    private EncoderIntentClassifier(SentenceEncoder encoder, String[] labels, double[][] weights, double[] bias,
                                    MahalanobisScore distance) {
        this.encoder = encoder;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
        this.distance = distance;
    }

    /**
     * Embeds every example once and fits the regression. Its probabilities are the regression's own (temperature 1):
     * calibration is applied to the finished predictions afterwards ({@code UncalibratedClassifier}, nlu.training).
     */
    public static EncoderIntentClassifier train(List<TrainingExample> examples, SentenceEncoder encoder,
                                                EncoderSettings settings) {
        Map<String, Integer> index = new LinkedHashMap<>();
        examples.forEach(e -> index.putIfAbsent(e.intent(), index.size()));
        if (index.size() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two intents, got " + index.size());
        }
        float[][] inputs = encoder.embedAll(examples.stream().map(e -> Question.of(e.text()).sentence()).toList())
                .toArray(float[][]::new);
        int[] targets = examples.stream().mapToInt(e -> index.get(e.intent())).toArray();
        double[] sampleWeights = weights(examples);
        int classes = index.size();
        int dims = inputs[0].length;
        // widened once, exactly: the loops below then read doubles, which the JIT can vectorise
        double[][] x = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            x[i] = new double[dims];
            for (int d = 0; d < dims; d++) {
                x[i][d] = inputs[i][d];
            }
        }
        double[][] weights = new double[classes][dims];
        double[] bias = new double[classes];
        int[] order = new int[inputs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        var random = new Random(SEED);
        double[][] probabilities = new double[BATCH][classes];
        double[][] gradient = new double[classes][dims];
        double[] biasGradient = new double[classes];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            double rate = settings.learningRate() / (1 + epoch * 0.1);
            for (int start = 0; start < order.length; start += BATCH) {
                int end = Math.min(order.length, start + BATCH);
                // the weights change only after the batch: every example of it is scored by the same ones at once
                BatchSoftmax.of(weights, bias, x, order, start, end, probabilities);
                for (double[] g : gradient) {
                    Arrays.fill(g, 0);
                }
                Arrays.fill(biasGradient, 0);
                for (int k = start; k < end; k++) {
                    double[] xk = x[order[k]];
                    double[] p = probabilities[k - start];
                    p[targets[order[k]]] -= 1;
                    double sampleWeight = sampleWeights[order[k]];
                    for (int c = 0; c < classes; c++) {
                        double error = p[c] * sampleWeight;
                        if (Math.abs(error) < NEGLIGIBLE_ERROR) {
                            continue;
                        }
                        double[] g = gradient[c];
                        for (int d = 0; d < dims; d++) {
                            g[d] += error * xk[d];
                        }
                        biasGradient[c] += error;
                    }
                }
                double scale = rate / (end - start);
                for (int c = 0; c < classes; c++) {
                    double[] w = weights[c];
                    double[] g = gradient[c];
                    for (int d = 0; d < dims; d++) {
                        w[d] -= scale * g[d] + rate * settings.l2() * w[d];
                    }
                    bias[c] -= scale * biasGradient[c];
                }
            }
        }
        String[] labels = index.keySet().toArray(String[]::new);
        MahalanobisScore distance = null;
        if (settings.oosScore() == OutOfScopeScore.MAHALANOBIS) {
            boolean[] inScope = new boolean[classes];
            for (int c = 0; c < classes; c++) {
                inScope[c] = !Prediction.OUT_OF_SCOPE.equals(labels[c]);
            }
            distance = MahalanobisScore.fit(inputs, targets, inScope, settings.mahalanobisRidge());
        }
        return new EncoderIntentClassifier(encoder, labels, weights, bias, distance);
    }

    /**
     * Writes the trained regression, and its Mahalanobis score if it has one, so that {@link #readFrom} restores a
     * classifier that gives exactly these predictions.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(labels.length);
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(weights[0].length);
        for (int c = 0; c < labels.length; c++) {
            writeDoubles(out, weights[c]);
        }
        writeDoubles(out, bias);
        out.writeBoolean(distance != null);
        if (distance != null) {
            distance.writeTo(out);
        }
    }

    /** A classifier as {@link #writeTo} wrote it, embedding questions with {@code encoder}. */
    public static EncoderIntentClassifier readFrom(DataInput in, SentenceEncoder encoder) throws IOException {
        String[] labels = new String[in.readInt()];
        for (int c = 0; c < labels.length; c++) {
            labels[c] = in.readUTF();
        }
        int dims = in.readInt();
        double[][] weights = new double[labels.length][];
        for (int c = 0; c < labels.length; c++) {
            weights[c] = readDoubles(in, dims);
        }
        double[] bias = readDoubles(in, labels.length);
        MahalanobisScore distance = in.readBoolean() ? MahalanobisScore.readFrom(in) : null;
        return new EncoderIntentClassifier(encoder, labels, weights, bias, distance);
    }

    static void writeDoubles(DataOutput out, double[] values) throws IOException {
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    static double[] readDoubles(DataInput in, int count) throws IOException {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    /**
     * The regression's ranking. With the Mahalanobis out-of-scope score, the
     * probabilities are first multiplied by how close the question lies to the nearest intent ({@link MahalanobisScore#inScope}); the missing mass is the
     * doubt that the question is in scope at all, so the fallback threshold, chosen on validation data as before,
     * falls back on questions far from every intent even when the regression is sure of one.
     */
    @Override
    public Prediction classify(Question question) {
        float[] embedding = encoder.embed(question.sentence());
        double[] probabilities = new double[labels.length];
        softmax(weights, bias, embedding, probabilities);
        double kept = distance == null ? 1.0 : distance.inScope(embedding);
        var ranking = new ArrayList<ScoredIntent>(labels.length);
        for (int c = 0; c < labels.length; c++) {
            ranking.add(new ScoredIntent(labels[c], probabilities[c]));
        }
        // where the regression learnt an out-of-scope class, the doubt joins it; otherwise it stays missing mass.
        // Calibration tempers this finished prediction, doubt included, both when it is fitted and when it is served
        Prediction doubted = new Prediction(ranking);
        return kept < 1.0 ? doubted.scaled(kept, Prediction.OUT_OF_SCOPE) : doubted;
    }

    /**
     * Each phrasing weighs 1; an intent's answer sentences together weigh {@link #ANSWER_WEIGHT}, shared among
     * them, so that a long answer counts as much as a short one.
     */
    private static double[] weights(List<TrainingExample> examples) {
        Map<String, Integer> answerSentences = new HashMap<>();
        examples.stream().filter(example -> !example.isPhrasing())
                .forEach(example -> answerSentences.merge(example.intent(), 1, Integer::sum));
        return examples.stream().mapToDouble(example -> example.isPhrasing() ? 1.0
                : ANSWER_WEIGHT / answerSentences.get(example.intent())).toArray();
    }

    private static void softmax(double[][] weights, double[] bias, float[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++) {
            double z = bias[c];
            double[] w = weights[c];
            for (int d = 0; d < x.length; d++) {
                z += w[d] * x[d];
            }
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
