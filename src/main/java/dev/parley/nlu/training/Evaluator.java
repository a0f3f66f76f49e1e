package dev.parley.nlu.training;

import java.util.List;

import dev.parley.nlu.FallbackPolicy;
import dev.parley.nlu.IntentClassifier;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;

/** Runs labelled questions through a classifier and a fallback policy, as the conversation service would. */
public final class Evaluator {

    private Evaluator() {
    }

    /** Classifies once, so that many policies can be tried on the same predictions. */
    public static List<Classified> classify(IntentClassifier classifier, List<LabelledQuestion> questions) {
        return questions.stream().map(q -> new Classified(q, classifier.classify(Question.of(q.text())))).toList();
    }

    public static List<Outcome> outcomes(List<Classified> classified, FallbackPolicy policy) {
        return classified.stream()
                .map(c -> new Outcome(c.question(), c.prediction(), policy.fallsBack(c.prediction())))
                .toList();
    }

    /** A question with the classifier's prediction, before any fallback decision. */
    public record Classified(LabelledQuestion question, Prediction prediction) {
    }
}
