package dev.parley.nlu.encoder;

/**
 * The regression's softmax for a whole mini-batch, four examples per pass over each weight row. Each example's
 * logits are summed in the same order, with the same roundings, as one example alone would be
 * ({@code EncoderIntentClassifier#classify}): training gives bit for bit the weights it gave one example at a time.
 * Four sums at once are four independent chains of additions, which the processor runs side by side, and each weight
 * is read once for four examples instead of once for each.
 */
final class BatchSoftmax {

    private static final int BLOCK = 4;

    private BatchSoftmax() {
    }

    /**
     * Writes into {@code out[k - start]} the probabilities of example {@code x[order[k]]} for each k in
     * start .. end - 1.
     */
    static void of(double[][] weights, double[] bias, double[][] x, int[] order, int start, int end,
                   double[][] out) {
        int k = start;
        for (; k + BLOCK <= end; k += BLOCK) {
            double[] x0 = x[order[k]];
            double[] x1 = x[order[k + 1]];
            double[] x2 = x[order[k + 2]];
            double[] x3 = x[order[k + 3]];
            for (int c = 0; c < weights.length; c++) {
                double[] w = weights[c];
                double z0 = bias[c];
                double z1 = z0;
                double z2 = z0;
                double z3 = z0;
                for (int d = 0; d < w.length; d++) {
                    double wd = w[d];
                    z0 += wd * x0[d];
                    z1 += wd * x1[d];
                    z2 += wd * x2[d];
                    z3 += wd * x3[d];
                }
                out[k - start][c] = z0;
                out[k - start + 1][c] = z1;
                out[k - start + 2][c] = z2;
                out[k - start + 3][c] = z3;
            }
        }
        for (; k < end; k++) {
            double[] xk = x[order[k]];
            for (int c = 0; c < weights.length; c++) {
                double[] w = weights[c];
                double z = bias[c];
                for (int d = 0; d < w.length; d++) {
                    z += w[d] * xk[d];
                }
                out[k - start][c] = z;
            }
        }
        for (k = start; k < end; k++) {
            normalise(out[k - start], weights.length);
        }
    }

    /** Logits to probabilities, as the served softmax does it: the largest subtracted, exponentials, their sum. */
    private static void normalise(double[] logits, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < classes; c++) {
            logits[c] /= sum;
        }
    }
}
