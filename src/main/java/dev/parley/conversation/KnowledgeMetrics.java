package dev.parley.conversation;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.conversation.ActiveKnowledge.InService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * What an operator sees of the model in service (README "Operations"): how long each training took, at start-up, by
 * a reload or by an accepted proposal (or loading a stored model), how many intents the model answers, and which
 * knowledge version it was trained from, so that the instances behind one load balancer can be seen to agree.
 * {@link ActiveKnowledge} tells it of every model it puts in service.
 */
public final class KnowledgeMetrics {

    private final Timer training;
    // NaN until the first model is in service: "no intents yet" is not the same as a knowledge base of none
    private final AtomicInteger intents = new AtomicInteger(-1);
    // One row, tagged with the version in service; each new version replaces the row, so old ones disappear
    private final MultiGauge version;

    /** Registers the knowledge's meters, empty until the first model is in service. */
    public KnowledgeMetrics(MeterRegistry registry) {
        training = Timer.builder("parley.training.duration")
                .description("Reading, validating and training the intents for each model put in service "
                        + "(or loading it from the calibration cache or a stored version)")
                .register(registry);
        Gauge.builder("parley.intents", intents, count -> count.get() < 0 ? Double.NaN : count.get())
                .description("Intents the model in service answers, small talk included")
                .register(registry);
        version = MultiGauge.builder("parley.knowledge.version")
                .description("The knowledge version in service (tag version, its content hash); the value is its "
                        + "publication number, 0 when no version names it")
                .register(registry);
    }

    /** Records a model just put in service. */
    public void inService(InService model) {
        training.record(model.trained().trainingTime());
        intents.set(model.trained().knowledge().size());
        version.register(List.of(MultiGauge.Row.of(Tags.of("version", model.version().version()),
                model.version().publication())), true);
    }
}
