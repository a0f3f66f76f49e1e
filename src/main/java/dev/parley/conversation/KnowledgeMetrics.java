package dev.parley.conversation;

import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.nlu.TrainedKnowledge;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator sees of the model in service (README "Operations"): how long each training took, at start-up, by
 * a reload or by an accepted proposal, and how many intents the model answers. {@link ActiveKnowledge} tells it of
 * every model it puts in service; what else describes the knowledge in service (its version, say) belongs here too.
 */
final class KnowledgeMetrics {

    private final Timer training;
    // NaN until the first model is in service: "no intents yet" is not the same as a knowledge base of none
    private final AtomicInteger intents = new AtomicInteger(-1);

    KnowledgeMetrics(MeterRegistry registry) {
        training = Timer.builder("parley.training.duration")
                .description("Reading, validating and training the intents for each model put in service "
                        + "(or loading it from the calibration cache)")
                .register(registry);
        Gauge.builder("parley.intents", intents, count -> count.get() < 0 ? Double.NaN : count.get())
                .description("Intents the model in service answers, small talk included")
                .register(registry);
    }

    /** Records a model just put in service. */
    void inService(TrainedKnowledge trained) {
        training.record(trained.trainingTime());
        intents.set(trained.knowledge().size());
    }
}
