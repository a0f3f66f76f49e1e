package dev.parley.evaluation;

import dev.parley.nlu.training.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.parley.conversation.ClarificationPolicy;

/**
 * What asking "Did you mean…?" does to the answers of a labelled question set: which answers it turns into a
 * question, right ones (a cost: the user has to pick) and wrong ones (a gain, when the right intent is offered).
 * How the clarification settings are chosen (docs/quality.md).
 *
 * @param answeredRight   answered, with the right intent, and not turned into a question
 * @param answeredWrong   answered with a wrong intent, out-of-scope questions included
 * @param rightAsked      would have been answered right, asked instead
 * @param wrongAsked      would have been answered wrong (in scope), asked instead
 * @param wrongAskedOffered of those, how many offered the right intent among the candidates
 * @param outOfScopeAsked out-of-scope questions that got a "Did you mean…?" instead of a wrong answer
 */
record ClarificationEffect(int answeredRight, int answeredWrong, int rightAsked, int wrongAsked,
                           int wrongAskedOffered, int outOfScopeAsked) {

    /**
     * @param isContent whether an intent id names a content intent, the only kind ever offered
     */
    static ClarificationEffect measure(List<Outcome> outcomes, ClarificationPolicy policy,
                                       Predicate<String> isContent) {
        int answeredRight = 0;
        int answeredWrong = 0;
        int rightAsked = 0;
        int wrongAsked = 0;
        int wrongAskedOffered = 0;
        int outOfScopeAsked = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.fallback()) {
                continue;
            }
            List<String> candidates = policy.candidates(outcome.prediction(),
                    id -> Optional.of(id).filter(isContent));
            boolean asked = !candidates.isEmpty();
            String truth = outcome.question().label();
            if (!asked) {
                if (outcome.correct()) {
                    answeredRight++;
                } else {
                    answeredWrong++;
                }
            } else if (outcome.question().outOfScope()) {
                outOfScopeAsked++;
            } else if (outcome.correct()) {
                rightAsked++;
            } else {
                wrongAsked++;
                if (candidates.contains(truth)) {
                    wrongAskedOffered++;
                }
            }
        }
        return new ClarificationEffect(answeredRight, answeredWrong, rightAsked, wrongAsked, wrongAskedOffered,
                outOfScopeAsked);
    }
}
