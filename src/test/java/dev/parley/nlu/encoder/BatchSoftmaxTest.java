package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.parley.nlu.EncoderSettings;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainingExample;
import dev.parley.testing.NluFixtures;

/**
 * Regression guard: the batched softmax of training changes its speed, never its result. The regression trained
 * with it gives, bit for bit, the probabilities that the former one-example-at-a-time loop gave (kept below as the
 * reference, exactly as it was).
 */
class BatchSoftmaxTest {

    private static final int DIMS = 48;

    /** A stand-in encoder: each text a seeded random unit-ish vector, so the sums have many terms of every sign. */
    private static final SentenceEncoder RANDOM_ENCODER = sentence -> {
        var random = new Random(sentence.hashCode());
        float[] vector = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
            vector[d] = (float) random.nextGaussian() / 7;
        }
        return vector;
    };

    private static List<TrainingExample> examples() {
        var examples = new ArrayList<TrainingExample>();
        // 7 intents, 67 examples: batches of 32, 32 and 3, so the four-at-a-time blocks and the rest both run
        for (int i = 0; i < 67; i++) {
            examples.add(new TrainingExample("intent-" + (i % 7), "question " + i));
        }
        return examples;
    }

    @Test
    void trainingGivesBitForBitTheProbabilitiesOfTheFormerLoop() {
        EncoderSettings settings = NluFixtures.defaults().encoder();
        var classifier = EncoderIntentClassifier.train(examples(), RANDOM_ENCODER, settings);
        var reference = Reference.train(examples(), RANDOM_ENCODER, settings);

        for (String text : List.of("question 3", "question 66", "something never seen")) {
            float[] x = RANDOM_ENCODER.embed(Question.of(text).sentence());
            Map<String, Double> expected = reference.probabilities(x);
            for (ScoredIntent scored : classifier.classify(Question.of(text)).ranking()) {
                assertThat(scored.score()).as(text + " " + scored.intent()).isEqualTo(expected.get(scored.intent()));
            }
        }
    }

    /** The regression's training as it was before the batched softmax, one example at a time. */
    private record Reference(String[] labels, double[][] weights, double[] bias) {

        static Reference train(List<TrainingExample> examples, SentenceEncoder encoder, EncoderSettings settings) {
            Map<String, Integer> index = new LinkedHashMap<>();
            examples.forEach(e -> index.putIfAbsent(e.intent(), index.size()));
            float[][] inputs = examples.stream().map(e -> encoder.embed(Question.of(e.text()).sentence()))
                    .toArray(float[][]::new);
            int[] targets = examples.stream().mapToInt(e -> index.get(e.intent())).toArray();
            int classes = index.size();
            int dims = inputs[0].length;
            double[][] weights = new double[classes][dims];
            double[] bias = new double[classes];
            int[] order = new int[inputs.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            var random = new Random(11);
            double[] probabilities = new double[classes];
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
                double rate = settings.learningRate() / (1 + epoch * 0.1);
                for (int start = 0; start < order.length; start += 32) {
                    int end = Math.min(order.length, start + 32);
                    double[][] gradient = new double[classes][dims];
                    double[] biasGradient = new double[classes];
                    for (int k = start; k < end; k++) {
                        float[] x = inputs[order[k]];
                        softmax(weights, bias, x, probabilities);
                        probabilities[targets[order[k]]] -= 1;
                        for (int c = 0; c < classes; c++) {
                            double error = probabilities[c];
                            if (Math.abs(error) < 1e-7) {
                                continue;
                            }
                            for (int d = 0; d < dims; d++) {
                                gradient[c][d] += error * x[d];
                            }
                            biasGradient[c] += error;
                        }
                    }
                    double scale = rate / (end - start);
                    for (int c = 0; c < classes; c++) {
                        for (int d = 0; d < dims; d++) {
                            weights[c][d] -= scale * gradient[c][d] + rate * settings.l2() * weights[c][d];
                        }
                        bias[c] -= scale * biasGradient[c];
                    }
                }
            }
            return new Reference(index.keySet().toArray(String[]::new), weights, bias);
        }

        Map<String, Double> probabilities(float[] x) {
            double[] out = new double[labels.length];
            softmax(weights, bias, x, out);
            var byLabel = new LinkedHashMap<String, Double>();
            for (int c = 0; c < labels.length; c++) {
                byLabel.put(labels[c], out[c]);
            }
            return byLabel;
        }

        private static void softmax(double[][] weights, double[] bias, float[] x, double[] out) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < weights.length; c++) {
                double z = bias[c];
                for (int d = 0; d < x.length; d++) {
                    z += weights[c][d] * x[d];
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
    }
}
