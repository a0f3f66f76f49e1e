package dev.parley.nlu.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class MahalanobisScoreTest {

    /** Two intents in three dimensions: tight clusters around (1, 0, 0) and (0, 1, 0), spread mostly along z. */
    private static float[][] inputs;
    private static int[] targets;

    static {
        var random = new Random(3);
        inputs = new float[40][];
        targets = new int[40];
        for (int i = 0; i < inputs.length; i++) {
            targets[i] = i % 2;
            inputs[i] = new float[] {
                    (targets[i] == 0 ? 1f : 0f) + (float) (0.01 * random.nextGaussian()),
                    (targets[i] == 1 ? 1f : 0f) + (float) (0.01 * random.nextGaussian()),
                    (float) (0.3 * random.nextGaussian())};
        }
    }

    @Test
    void anEmbeddingAtAnIntentsMeanIsInScopeAndOneFarFromEveryMeanIsNot() {
        var score = MahalanobisScore.fit(inputs, targets, new boolean[] {true, true}, 1e-4);

        float[] atMean = {1, 0, 0};
        float[] farAway = {0.5f, 0.5f, 0};

        assertThat(score.nearestSquaredDistance(atMean)).isLessThan(1);
        assertThat(score.nearestSquaredDistance(farAway)).isGreaterThan(100);
        assertThat(score.inScope(atMean)).isEqualTo(1.0);
        assertThat(score.inScope(farAway)).isLessThan(0.01);
    }

    @Test
    void distanceFollowsTheSharedCovarianceNotTheEuclideanOne() {
        var score = MahalanobisScore.fit(inputs, targets, new boolean[] {true, true}, 1e-4);

        // the same Euclidean step, along the direction the intents vary in and across it
        float[] alongTheSpread = {1, 0, 0.3f};
        float[] acrossIt = {1, 0.3f, 0};

        assertThat(score.nearestSquaredDistance(alongTheSpread))
                .isLessThan(score.nearestSquaredDistance(acrossIt) / 100);
    }

    @Test
    void theLearntOutOfScopeClassIsNoPlaceToBeNear() {
        var withBoth = MahalanobisScore.fit(inputs, targets, new boolean[] {true, false}, 1e-4);

        assertThat(withBoth.inScope(new float[] {0, 1, 0})).isLessThan(0.01);
        assertThat(withBoth.inScope(new float[] {1, 0, 0})).isEqualTo(1.0);
    }

    @Test
    void theRidgeMustBePositive() {
        assertThatThrownBy(() -> MahalanobisScore.fit(inputs, targets, new boolean[] {true, true}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
