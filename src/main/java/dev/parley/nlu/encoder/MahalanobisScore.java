package dev.parley.nlu.encoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * How far an embedding lies from the intents it was trained on: the Mahalanobis distance to the nearest intent's
 * mean under one covariance shared by all intents (Lee et al. 2018, "A Simple Unified Framework for Detecting
 * Out-of-Distribution Samples"). The covariance of unit-length embeddings around their intent's mean is estimated
 * from far fewer examples per intent than it has entries, so a ridge is added to keep it well conditioned.
 * Immutable and thread-safe.
 */
final class MahalanobisScore {

    /**
     * The inverse of the covariance's Cholesky factor: ||W (x - m)||² is the squared Mahalanobis distance, so a
     * question costs one matrix-vector product and one Euclidean distance per intent instead of one quadratic form
     * per intent.
     */
    private final double[][] whitening;
    private final double[][] whitenedMeans;
    /** The median squared distance of the training examples to their nearest mean: the scale of "near". */
    private final double typical;

    private MahalanobisScore(double[][] whitening, double[][] whitenedMeans, double typical) {
        this.whitening = whitening;
        this.whitenedMeans = whitenedMeans;
        this.typical = typical;
    }

    /**
     * Fits the intents' means and their shared covariance, plus {@code ridge} times the identity.
     *
     * @param inputs  the training embeddings
     * @param targets each embedding's class, 0 .. classes - 1
     * @param inScope which classes are intents; the others (the learnt out-of-scope class) take no part, since being
     *                close to them says nothing about being in scope
     */
    static MahalanobisScore fit(float[][] inputs, int[] targets, boolean[] inScope, double ridge) {
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("the ridge must be positive, got " + ridge);
        }
        int dims = inputs[0].length;
        int classes = inScope.length;
        double[][] means = new double[classes][dims];
        int[] counts = new int[classes];
        for (int i = 0; i < inputs.length; i++) {
            counts[targets[i]]++;
            for (int d = 0; d < dims; d++) {
                means[targets[i]][d] += inputs[i][d];
            }
        }
        int intents = 0;
        for (int c = 0; c < classes; c++) {
            if (inScope[c]) {
                intents++;
                for (int d = 0; d < dims; d++) {
                    means[c][d] /= counts[c];
                }
            }
        }
        if (intents == 0) {
            throw new IllegalArgumentException("the Mahalanobis score needs at least one intent");
        }
        double[][] covariance = new double[dims][dims];
        int used = 0;
        double[] centred = new double[dims];
        for (int i = 0; i < inputs.length; i++) {
            if (!inScope[targets[i]]) {
                continue;
            }
            used++;
            for (int d = 0; d < dims; d++) {
                centred[d] = inputs[i][d] - means[targets[i]][d];
            }
            for (int a = 0; a < dims; a++) {
                double ca = centred[a];
                double[] row = covariance[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < dims; a++) {
            for (int b = 0; b <= a; b++) {
                covariance[a][b] /= used;
                covariance[b][a] = covariance[a][b];
            }
            covariance[a][a] += ridge;
        }
        RealMatrix lower = new CholeskyDecomposition(MatrixUtils.createRealMatrix(covariance)).getL();
        double[][] whitening = MatrixUtils.inverse(lower).getData();
        double[][] whitenedMeans = new double[intents][];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            if (inScope[c]) {
                whitenedMeans[next++] = multiply(whitening, means[c]);
            }
        }
        var partial = new MahalanobisScore(whitening, whitenedMeans, 1);
        double[] distances = new double[used];
        next = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (inScope[targets[i]]) {
                distances[next++] = partial.nearestSquaredDistance(inputs[i]);
            }
        }
        Arrays.sort(distances);
        double median = distances[distances.length / 2];
        return new MahalanobisScore(whitening, whitenedMeans, median > 0 ? median : 1);
    }

    /** Writes the fitted score, exactly, for {@link #readFrom}. */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(whitening.length);
        for (double[] row : whitening) {
            EncoderIntentClassifier.writeDoubles(out, row);
        }
        out.writeInt(whitenedMeans.length);
        for (double[] mean : whitenedMeans) {
            EncoderIntentClassifier.writeDoubles(out, mean);
        }
        out.writeDouble(typical);
    }

    static MahalanobisScore readFrom(DataInput in) throws IOException {
        int dims = in.readInt();
        double[][] whitening = new double[dims][];
        for (int r = 0; r < dims; r++) {
            whitening[r] = EncoderIntentClassifier.readDoubles(in, dims);
        }
        double[][] whitenedMeans = new double[in.readInt()][];
        for (int c = 0; c < whitenedMeans.length; c++) {
            whitenedMeans[c] = EncoderIntentClassifier.readDoubles(in, dims);
        }
        return new MahalanobisScore(whitening, whitenedMeans, in.readDouble());
    }

    /** The squared Mahalanobis distance to the nearest intent's mean. */
    double nearestSquaredDistance(float[] x) {
        double[] point = new double[x.length];
        for (int d = 0; d < x.length; d++) {
            point[d] = x[d];
        }
        double[] z = multiply(whitening, point);
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] mean : whitenedMeans) {
            double sum = 0;
            for (int d = 0; d < z.length; d++) {
                double diff = z[d] - mean[d];
                sum += diff * diff;
            }
            nearest = Math.min(nearest, sum);
        }
        return nearest;
    }

    /**
     * How much of its probability an embedding keeps for the intents, in 0..1: 1 up to the training examples' median
     * distance, then falling by a factor e for every further median's worth of squared distance. Measured in units
     * of the training data's own spread, so the fallback threshold needs no rescaling between domains.
     */
    double inScope(float[] x) {
        return Math.exp(-Math.max(0, nearestSquaredDistance(x) - typical) / typical);
    }

    private static double[] multiply(double[][] matrix, double[] vector) {
        double[] out = new double[matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            double[] row = matrix[r];
            double sum = 0;
            // the whitening matrix is lower-triangular: the entries right of the diagonal are zero
            for (int c = 0; c <= r; c++) {
                sum += row[c] * vector[c];
            }
            out[r] = sum;
        }
        return out;
    }
}
