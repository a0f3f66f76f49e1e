package dev.parley.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.parley.knowledge.Intent;
import dev.parley.nlu.Prediction;

/**
 * What the bot makes of one message: answer an intent, ask which of a few intents was meant, say honestly that it
 * does not know, or carry on with the last topic. Made in one place, {@link DecisionReader}; turned into words in
 * another, which must say what it does with each kind ({@link #handle}).
 */
public sealed interface Decision {

    /**
     * The best intent's probability as the classifier gave it (1 for a suggestion the user picked): kept with the
     * exchange and sent with the reply.
     */
    double confidence();

    /**
     * Hands this decision to the case for its kind. Java 17 has no {@code switch} over sealed types yet; this is
     * its stand-in, and like it, the compiler makes every consumer handle every kind.
     */
    <R> R handle(Cases<R> cases);

    /** What a consumer does with each kind of decision. */
    interface Cases<R> {
        R answer(Answer answer);

        R clarify(Clarify clarify);

        R fallback(Fallback fallback);

        R continueTopic(ContinueTopic continueTopic);
    }

    /** Answer this intent. */
    record Answer(Intent intent, double confidence) implements Decision {
        public Answer {
            Objects.requireNonNull(intent, "intent must not be null");
        }

        @Override
        public <R> R handle(Cases<R> cases) {
            return cases.answer(this);
        }
    }

    /**
     * "Did you mean…?": the best intents came too close to pick one.
     *
     * @param candidates the content intents to offer, best first; at least two
     */
    record Clarify(List<Intent> candidates, double confidence) implements Decision {
        public Clarify {
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("a clarification offers at least two intents, got "
                        + candidates.size());
            }
        }

        @Override
        public <R> R handle(Cases<R> cases) {
            return cases.clarify(this);
        }
    }

    /**
     * Not sure enough, or about nothing the bot knows.
     *
     * @param prediction the classifier's ranking, from which the closest questions are offered instead
     */
    record Fallback(Prediction prediction, double confidence) implements Decision {
        public Fallback {
            Objects.requireNonNull(prediction, "prediction must not be null");
        }

        @Override
        public <R> R handle(Cases<R> cases) {
            return cases.fallback(this);
        }
    }

    /**
     * "Tell me more" while a topic is going on.
     *
     * @param topic the session's last topic ({@link SessionContext#topic()})
     * @param next  the first of the topic's follow-ups the session was not answered lately; empty when it was
     *              answered them all
     */
    record ContinueTopic(Intent topic, Optional<Intent> next, double confidence) implements Decision {
        public ContinueTopic {
            Objects.requireNonNull(topic, "topic must not be null");
            Objects.requireNonNull(next, "next must not be null (use Optional.empty())");
        }

        @Override
        public <R> R handle(Cases<R> cases) {
            return cases.continueTopic(this);
        }
    }
}
