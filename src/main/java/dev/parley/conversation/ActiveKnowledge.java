package dev.parley.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.parley.nlu.TrainedKnowledge;

/**
 * The knowledge and classifier currently answering, and the {@link ServedVersion} they were trained from. Replacing
 * them is one atomic reference change, so a request that has started keeps the model it started with and never sees
 * half of a new one, and the version read with a model is the one it was trained from.
 *
 * <p>The first model may be trained on a background thread while the rest of the application starts; the first
 * {@link #get()} waits for it.
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
    private final AtomicReference<InService> current = new AtomicReference<>();

    private ActiveKnowledge(CompletableFuture<InService> initial) {
        this.initial = initial;
    }

    /** Starts with a model that is ready; for tests, which build their own. */
    static ActiveKnowledge of(TrainedKnowledge trained) {
        return new ActiveKnowledge(CompletableFuture.completedFuture(InService.unpublished(trained)));
    }

    /** Starts training the first model on its own thread and returns at once; no knowledge version names it. */
    public static ActiveKnowledge trainingInBackground(Supplier<TrainedKnowledge> training) {
        return preparingInBackground(() -> InService.unpublished(training.get()));
    }

    /** Starts preparing the first model and its version on its own thread and returns at once. */
    public static ActiveKnowledge preparingInBackground(Supplier<InService> preparing) {
        var future = new CompletableFuture<InService>();
        var thread = new Thread(() -> {
            try {
                future.complete(preparing.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "parley-initial-training");
        thread.setDaemon(true);
        thread.start();
        return new ActiveKnowledge(future);
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

    /** Whether the first model is in service (it may still be training). */
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
        return current.getAndSet(next);
    }
}
