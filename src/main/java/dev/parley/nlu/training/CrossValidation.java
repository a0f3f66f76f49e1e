package dev.parley.nlu.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.TrainingExample;

/**
 * Stratified k-fold cross-validation over training examples: every phrasing is classified once by a model that did
 * not see it; answer sentences ({@link TrainingExample.Evidence#ANSWER}) are learnt in every fold and never asked.
 * A phrasing whose intent has nothing else in its fold's training is labelled out of scope. Folds are dealt per
 * intent after a seeded shuffle, so runs repeat exactly; the folds' models are trained side by side.
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
        // answer sentences stay in every fold's training: visitors ask questions, so only phrasings are asked, and
        // an intent whose one phrasing a fold holds out is still known there by its answer
        List<TrainingExample> phrasings = examples.stream().filter(TrainingExample::isPhrasing).toList();
        List<TrainingExample> answers = examples.stream().filter(example -> !example.isPhrasing()).toList();
        int[] foldOf = assignFolds(phrasings, folds, seed);
        var parts = new ArrayList<Part>();
        for (int fold = 0; fold < folds; fold++) {
            var training = new ArrayList<TrainingExample>();
            var heldOut = new ArrayList<TrainingExample>();
            for (int i = 0; i < phrasings.size(); i++) {
                (foldOf[i] == fold ? heldOut : training).add(phrasings.get(i));
            }
            training.addAll(answers);
            // An intent whose every example is held out is one this fold's model cannot know: for it the right
            // answer is "I don't know". Such questions are near the knowledge base's subjects without being
            // answered by it, the hardest out-of-scope questions there are, and what one-example intents give.
            Set<String> known = training.stream().map(TrainingExample::intent).collect(Collectors.toSet());
            var held = heldOut.stream().map(example -> known.contains(example.intent())
                    ? LabelledQuestion.of(example)
                    : new LabelledQuestion(LabelledQuestion.OUT_OF_SCOPE, example.text())).toList();
            parts.add(new Part(training, held));
        }
        return classifyEach(parts, trainer);
    }

    /**
     * Questions about the knowledge base's subjects that it does not answer, made from its own examples: the intents
     * are dealt into {@code groups} groups, and each group's examples are classified by a model trained without that
     * group's intents, labelled out of scope. Out-of-scope examples stay in every training.
     */
    public static List<Evaluator.Classified> unknownIntents(List<TrainingExample> examples, int groups, long seed,
                                                           Function<List<TrainingExample>, IntentClassifier> trainer) {
        var intents = new ArrayList<>(examples.stream().map(TrainingExample::intent)
                .filter(intent -> !Prediction.OUT_OF_SCOPE.equals(intent)).distinct().sorted().toList());
        Collections.shuffle(intents, new Random(seed));
        var parts = new ArrayList<Part>();
        for (int group = 0; group < Math.min(groups, intents.size()); group++) {
            var left = new HashSet<String>();
            for (int i = group; i < intents.size(); i += groups) {
                left.add(intents.get(i));
            }
            var training = examples.stream().filter(example -> !left.contains(example.intent())).toList();
            var held = examples.stream().filter(example -> left.contains(example.intent()))
                    .filter(TrainingExample::isPhrasing)
                    .map(example -> new LabelledQuestion(LabelledQuestion.OUT_OF_SCOPE, example.text())).toList();
            if (training.stream().anyMatch(example -> !Prediction.OUT_OF_SCOPE.equals(example.intent()))) {
                parts.add(new Part(training, held));
            }
        }
        return classifyEach(parts, trainer);
    }

    /** One model's training set and the questions it classifies without having seen them. */
    private record Part(List<TrainingExample> training, List<LabelledQuestion> held) {
    }

    /**
     * Trains a model for each part and classifies its held-out questions, the parts side by side on the cores (each
     * model is trained from its own examples alone, with its own seeds), their predictions in the parts' order:
     * the same predictions whichever thread trained which part first.
     */
    private static List<Evaluator.Classified> classifyEach(List<Part> parts,
                                                           Function<List<TrainingExample>, IntentClassifier> trainer) {
        return parts.parallelStream()
                .flatMap(part -> Evaluator.classify(trainer.apply(part.training()), part.held()).stream())
                .toList();
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
