package dev.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.parley.nlu.Prediction;
import dev.parley.nlu.ScoredIntent;

/**
 * Decides when the bot should ask "Did you mean…?" instead of answering: its best intent is not sure and a runner-up
 * comes close to it. Numbers chosen by measurement (docs/quality.md, "Clarification").
 *
 * @param maxConfidence    clarify only when the top intent's probability is below this
 * @param minRunnerUpRatio and a runner-up scores at least this fraction of the top intent's probability
 * @param maxCandidates    the most intents offered
 */
public record ClarificationPolicy(@DefaultValue("0.6") double maxConfidence,
                                  @DefaultValue("0.5") double minRunnerUpRatio,
                                  @DefaultValue("3") int maxCandidates) {
    public ClarificationPolicy {
        if (maxConfidence < 0 || maxConfidence > 1 || minRunnerUpRatio < 0 || minRunnerUpRatio > 1) {
            throw new IllegalArgumentException("parley.conversation.clarification: max-confidence and "
                    + "min-runner-up-ratio must lie in 0..1, got " + maxConfidence + " and " + minRunnerUpRatio);
        }
        if (maxCandidates < 2) {
            throw new IllegalArgumentException("parley.conversation.clarification.max-candidates must be at least 2, "
                    + "got " + maxCandidates);
        }
    }

    /**
     * The intents to offer, best first; empty when the prediction is clear enough to answer (or is not about content
     * at all: out of scope or small talk are never clarified).
     *
     * @param content what the caller offers for the content intent an id names (not small talk, not out of scope);
     *                empty for any other id. Called at most once per id.
     */
    public <T> List<T> candidates(Prediction prediction, Function<String, Optional<T>> content) {
        ScoredIntent top = prediction.top();
        if (top.score() >= maxConfidence) {
            return List.of();
        }
        Optional<T> best = content.apply(top.intent());
        if (best.isEmpty()) {
            return List.of();
        }
        var close = new ArrayList<T>(List.of(best.get()));
        for (ScoredIntent scored : prediction.ranking().subList(1, prediction.ranking().size())) {
            if (close.size() == maxCandidates || scored.score() < top.score() * minRunnerUpRatio) {
                break;
            }
            content.apply(scored.intent()).ifPresent(close::add);
        }
        return close.size() < 2 ? List.of() : List.copyOf(close);
    }
}
