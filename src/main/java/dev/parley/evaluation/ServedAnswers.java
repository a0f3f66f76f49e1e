package dev.parley.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import dev.parley.conversation.ClarificationPolicy;
import dev.parley.nlu.training.LabelledQuestion;
import dev.parley.nlu.training.Outcome;

/**
 * What a visitor gets for each labelled question, as the server decides it: an answer, "I don't know", or "Did you
 * mean…?". Scored the way a site owner reads a bot: a "Did you mean…?" is a miss for an in-scope question and, as it
 * answers nothing, right for an out-of-scope one. The multi-class Matthews correlation is over the intents plus out
 * of scope, the HINT3 benchmark's measure (a question asked back counts as a class of its own, so it is never right
 * for an in-scope question).
 *
 * @param inScopeAccuracy in-scope questions answered with the right intent, without asking back
 * @param oosRecall       out-of-scope questions not answered (a fallback or a question asked back)
 * @param accuracy        all questions handled right, out of scope counted as one more class
 * @param mcc             Matthews correlation coefficient over the same classes
 * @param clarified       questions asked back
 * @param replies         each question's reply kind and intent, in the set's order
 */
record ServedAnswers(double inScopeAccuracy, double oosRecall, double accuracy, double mcc, int clarified,
                     List<Reply> replies) {

    /** What "Did you mean…?" counts as, apart from every intent and {@code oos}. */
    static final String ASKED_BACK = "?";

    /**
     * One question's reply.
     *
     * @param text  the question
     * @param label its expected intent, or {@code oos}
     * @param given the intent answered with, {@code oos} for a fallback, {@value #ASKED_BACK} for a question back
     */
    record Reply(String text, String label, String given) {

        boolean right() {
            return given.equals(label) || (LabelledQuestion.OUT_OF_SCOPE.equals(label) && ASKED_BACK.equals(given));
        }
    }

    /**
     * @param isContent whether an intent id names a content intent, the only kind a "Did you mean…?" offers
     */
    static ServedAnswers of(List<Outcome> outcomes, ClarificationPolicy policy, Predicate<String> isContent) {
        var replies = new ArrayList<Reply>(outcomes.size());
        for (Outcome outcome : outcomes) {
            String given = outcome.given();
            if (!outcome.fallback() && !policy.candidates(outcome.prediction(),
                    id -> Optional.of(id).filter(isContent)).isEmpty()) {
                given = ASKED_BACK;
            }
            replies.add(new Reply(outcome.question().text(), outcome.question().label(), given));
        }
        long inScope = replies.stream().filter(r -> !LabelledQuestion.OUT_OF_SCOPE.equals(r.label())).count();
        long inScopeRight = replies.stream()
                .filter(r -> !LabelledQuestion.OUT_OF_SCOPE.equals(r.label()) && r.right()).count();
        long outOfScope = replies.size() - inScope;
        long outOfScopeRight = replies.stream()
                .filter(r -> LabelledQuestion.OUT_OF_SCOPE.equals(r.label()) && r.right()).count();
        int clarified = (int) replies.stream().filter(r -> ASKED_BACK.equals(r.given())).count();
        return new ServedAnswers(ratio(inScopeRight, inScope), ratio(outOfScopeRight, outOfScope),
                ratio(inScopeRight + outOfScopeRight, replies.size()), mcc(replies), clarified, List.copyOf(replies));
    }

    /** Gorodkin's multi-class generalisation of the Matthews correlation, from the confusion counts. */
    private static double mcc(List<Reply> replies) {
        Map<String, Long> truths = new HashMap<>();
        Map<String, Long> predictions = new HashMap<>();
        long correct = 0;
        for (Reply reply : replies) {
            // an out-of-scope question asked back was not answered: predicted out of scope
            String predicted = reply.right() ? reply.label() : reply.given();
            truths.merge(reply.label(), 1L, Long::sum);
            predictions.merge(predicted, 1L, Long::sum);
            correct += reply.right() ? 1 : 0;
        }
        double total = replies.size();
        double covariance = correct * total;
        double truthSquares = 0;
        double predictionSquares = 0;
        for (var entry : truths.entrySet()) {
            covariance -= (double) entry.getValue() * predictions.getOrDefault(entry.getKey(), 0L);
            truthSquares += (double) entry.getValue() * entry.getValue();
        }
        for (long count : predictions.values()) {
            predictionSquares += (double) count * count;
        }
        double denominator = Math.sqrt((total * total - predictionSquares) * (total * total - truthSquares));
        return denominator == 0 ? 0 : covariance / denominator;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
