package dev.parley.conversation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * What the conversation counts and times for an operator, through Micrometer ({@code /actuator/prometheus}, README
 * "Operations"). Every question is counted once, by the channel it came from, as exactly one of an answer (an
 * intent's answer, or more on the session's topic), a clarification ("Did you mean…?") or a fallback; so questions
 * are the sum of the three. Every meter is registered up front, at zero, so that a rate is defined from the start.
 *
 * <p>Latencies are histograms with fixed buckets, which Prometheus can add up over instances and turn into
 * quantiles ({@code histogram_quantile}).
 */
public final class ConversationMetrics {

    /** The tag that names a channel; its values are the {@link Channel}'s names in lower case. */
    static final String CHANNEL = "channel";
    // From a cached answer (under a millisecond) to a question stuck behind a training on a busy machine.
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<Channel, ChannelMeters> channels = new EnumMap<>(Channel.class);
    private final Timer classification;
    private final Counter helpful;
    private final Counter unhelpful;

    public ConversationMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            channels.put(channel, new ChannelMeters(registry, channel.name().toLowerCase(Locale.ROOT)));
        }
        classification = histogram("parley.classification.duration",
                "Deciding what to do with a question: its classification, and more readings of a short follow-up")
                .register(registry);
        helpful = feedback(registry, "up", "Answers users found helpful");
        unhelpful = feedback(registry, "down", "Answers users found unhelpful");
    }

    /** Counts and times nothing: for a service built outside the application (tests, measurements). */
    static ConversationMetrics unobserved() {
        return new ConversationMetrics(new CompositeMeterRegistry()); // with no registry in it, a no-op
    }

    /** The moment a question arrives, from which {@link #replied} measures its end-to-end latency. */
    Timer.Sample questionArrived() {
        return Timer.start(registry);
    }

    /** Times one decision. */
    Decision timeDecision(Supplier<Decision> deciding) {
        return classification.record(deciding);
    }

    /** Counts a question answered as {@code decision} and its reply given (the exchange stored). */
    void replied(Channel channel, Decision decision, Timer.Sample arrival) {
        ChannelMeters meters = channels.get(channel);
        meters.questions.increment();
        decision.handle(meters).increment();
        arrival.stop(meters.latency);
    }

    /** Counts a verdict kept. */
    void feedback(boolean wasHelpful) {
        (wasHelpful ? helpful : unhelpful).increment();
    }

    private static Timer.Builder histogram(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS);
    }

    private static Counter feedback(MeterRegistry registry, String verdict, String description) {
        return Counter.builder("parley.feedback").description(description).tag("verdict", verdict)
                .register(registry);
    }

    /** One channel's meters, and which counter each kind of decision moves. */
    private static final class ChannelMeters implements Decision.Cases<Counter> {
        final Counter questions;
        final Counter answers;
        final Counter clarifications;
        final Counter fallbacks;
        final Timer latency;

        ChannelMeters(MeterRegistry registry, String channel) {
            questions = counter(registry, "parley.questions", channel, "Questions answered in any way");
            answers = counter(registry, "parley.answers", channel, "Questions answered with an intent's answer");
            clarifications = counter(registry, "parley.clarifications", channel,
                    "Questions answered with \"Did you mean…?\"");
            fallbacks = counter(registry, "parley.fallbacks", channel, "Questions the bot said it did not know");
            latency = histogram("parley.question.duration",
                    "A question from its arrival to its reply, the exchange stored").tag(CHANNEL, channel)
                    .register(registry);
        }

        private static Counter counter(MeterRegistry registry, String name, String channel, String description) {
            return Counter.builder(name).description(description).tag(CHANNEL, channel).register(registry);
        }

        @Override
        public Counter answer(Decision.Answer answer) {
            return answers;
        }

        @Override
        public Counter clarify(Decision.Clarify clarify) {
            return clarifications;
        }

        @Override
        public Counter fallback(Decision.Fallback fallback) {
            return fallbacks;
        }

        @Override
        public Counter continueTopic(Decision.ContinueTopic continueTopic) {
            return answers;
        }
    }
}
