package dev.parley.nlu.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.TrainingExample;

/**
 * Stratified k-fold cross-validation over training examples: every example is classified once by a model that did
 * not see it. Folds are dealt per intent after a seeded shuffle, so runs repeat exactly.
 */
public final class CrossValidation {

    /**
     * The shuffle every command uses, so that two classifiers cross-validated apart see the same folds and their
     * out-of-fold predictions can be blended question by question.
     */
    public static final long SEED = 42;

    private CrossValidation() {
    }

    public static List<Evaluator.Classified> run(List<TrainingExample> examples, int folds, long seed,
                                          Function<List<TrainingExample>, IntentClassifier> trainer) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        int[] foldOf = assignFolds(examples, folds, seed);
        var classified = new ArrayList<Evaluator.Classified>();
        for (int fold = 0; fold < folds; fold++) {
            var training = new ArrayList<TrainingExample>();
            var held = new ArrayList<LabelledQuestion>();
            for (int i = 0; i < examples.size(); i++) {
                TrainingExample example = examples.get(i);
                if (foldOf[i] == fold) {
                    held.add(LabelledQuestion.of(example));
                } else {
                    training.add(example);
                }
            }
            classified.addAll(Evaluator.classify(trainer.apply(training), held));
        }
        return classified;
    }

    private static int[] assignFolds(List<TrainingExample> examples, int folds, long seed) {
        var indices = new ArrayList<Integer>();
        for (int i = 0; i < examples.size(); i++) {
            indices.add(i);
        }
        Collections.shuffle(indices, new Random(seed));
        indices.sort(Comparator.comparing(i -> examples.get(i).intent()));
        int[] foldOf = new int[examples.size()];
        for (int position = 0; position < indices.size(); position++) {
            foldOf[indices.get(position)] = position % folds;
        }
        return foldOf;
    }
}
