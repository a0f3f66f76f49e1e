package dev.parley.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.parley.nlu.TrainedKnowledge;

/**
 * The knowledge and classifier currently answering, and the {@link ServedVersion} they were trained from. Replacing
 * them is one atomic reference change, so a request that has started keeps the model it started with and never sees
 * half of a new one, and the version read with a model is the one it was trained from.
 *
 * <p>The first model may be trained on a background thread while the rest of the application starts; the first
 * {@link #get()} waits for it, and until it is there the knowledge is not {@link #isReady() ready}.
 *
 * <p>Each model put in service, the first and every replacement, is handed to one listener (the metrics of the
 * knowledge): the one place that sees every model, whether trained at start-up, by a reload or a proposal, or
 * loaded from a version another instance published.
 */
public final class ActiveKnowledge {

    /**
     * A model and the version it was trained from.
     *
     * @param trained the knowledge base and its classifier
     * @param version the knowledge version they were trained from
     */
    public record InService(TrainedKnowledge trained, ServedVersion version) {
        public InService {
            Objects.requireNonNull(trained, "trained must not be null");
            Objects.requireNonNull(version, "version must not be null");
        }

        /** A model that no knowledge version names (a test's own): its version says only when and how many. */
        static InService unpublished(TrainedKnowledge trained) {
            return new InService(trained, new ServedVersion("unpublished", trained.trainedAt() == null
                    ? Instant.EPOCH : trained.trainedAt(), trained.knowledge().size(), 0));
        }
    }

    private final CompletableFuture<InService> initial;
    private final Consumer<InService> putInService;
    private final AtomicReference<InService> current = new AtomicReference<>();

    private ActiveKnowledge(CompletableFuture<InService> initial, Consumer<InService> putInService) {
        this.initial = initial;
        this.putInService = putInService;
    }

    /** Starts with a model that is ready; for tests, which build their own. */
    static ActiveKnowledge of(TrainedKnowledge trained) {
        return new ActiveKnowledge(CompletableFuture.completedFuture(InService.unpublished(trained)), model -> {
        });
    }

    /** Starts training the first model on its own thread and returns at once; no knowledge version names it. */
    public static ActiveKnowledge trainingInBackground(Supplier<TrainedKnowledge> training) {
        return trainingInBackground(training, model -> {
        });
    }

    /** As {@link #trainingInBackground(Supplier)}, telling {@code putInService} of each model put in service. */
    public static ActiveKnowledge trainingInBackground(Supplier<TrainedKnowledge> training,
                                                       Consumer<InService> putInService) {
        return preparingInBackground(() -> InService.unpublished(training.get()), putInService);
    }

    /**
     * Starts preparing the first model and its version on its own thread and returns at once.
     *
     * @param putInService told of each model put in service: the first one (on the preparing thread, before
     *                     {@link #get()} returns it) and each {@link #replace(InService) replacement}
     */
    public static ActiveKnowledge preparingInBackground(Supplier<InService> preparing,
                                                        Consumer<InService> putInService) {
        Objects.requireNonNull(putInService, "putInService must not be null");
        var future = new CompletableFuture<InService>();
        var thread = new Thread(() -> {
            try {
                InService first = preparing.get();
                putInService.accept(first);
                future.complete(first);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "parley-initial-training");
        thread.setDaemon(true);
        thread.start();
        return new ActiveKnowledge(future, putInService);
    }

    /**
     * The model in service; waits for the first one if it is still training.
     *
     * @throws RuntimeException whatever made the first training fail, e.g. invalid intent files
     */
    public TrainedKnowledge get() {
        return inService().trained();
    }

    /** The knowledge version in service; waits for the first one like {@link #get()}. */
    public ServedVersion version() {
        return inService().version();
    }

    /** The model in service and its version, read together; waits for the first one like {@link #get()}. */
    public InService inService() {
        InService known = current.get();
        if (known != null) {
            return known;
        }
        try {
            current.compareAndSet(null, initial.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return current.get();
    }

    /**
     * Whether a model is answering: false while the first one is prepared, and for good if that failed. Never
     * waits.
     */
    public boolean isReady() {
        return current.get() != null || (initial.isDone() && !initial.isCompletedExceptionally());
    }

    /** Puts a newly trained model in service, no knowledge version naming it; returns the one it replaced. */
    public TrainedKnowledge replace(TrainedKnowledge trained) {
        Objects.requireNonNull(trained, "trained must not be null");
        return replace(InService.unpublished(trained)).trained();
    }

    /** Puts a newly trained model and its version in service; returns what it replaced. */
    public InService replace(InService next) {
        Objects.requireNonNull(next, "next must not be null");
        inService();
        InService replaced = current.getAndSet(next);
        putInService.accept(next);
        return replaced;
    }
}
