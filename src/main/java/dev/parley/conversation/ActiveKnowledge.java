package dev.parley.conversation;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.parley.nlu.TrainedKnowledge;

/**
 * The knowledge and classifier currently answering. Replacing them is one atomic reference change, so a request
 * that has started keeps the model it started with and never sees half of a new one.
 *
 * <p>The first model may be trained on a background thread while the rest of the application starts; the first
 * {@link #get()} waits for it, and until it is there the knowledge is not {@link #inService()}.
 */
public final class ActiveKnowledge {

    private final CompletableFuture<TrainedKnowledge> initial;
    private final AtomicReference<TrainedKnowledge> current = new AtomicReference<>();

    private ActiveKnowledge(CompletableFuture<TrainedKnowledge> initial) {
        this.initial = initial;
    }

    /** Starts with a model that is ready; for tests, which build their own. */
    static ActiveKnowledge of(TrainedKnowledge trained) {
        return new ActiveKnowledge(CompletableFuture.completedFuture(Objects.requireNonNull(trained)));
    }

    /** Starts training the first model on its own thread and returns at once. */
    public static ActiveKnowledge trainingInBackground(Supplier<TrainedKnowledge> training) {
        var future = new CompletableFuture<TrainedKnowledge>();
        var thread = new Thread(() -> {
            try {
                future.complete(training.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "parley-initial-training");
        thread.setDaemon(true);
        thread.start();
        return new ActiveKnowledge(future);
    }

    /**
     * Whether a model is answering: false while the first one trains, and for good if its training failed. Never
     * waits.
     */
    public boolean inService() {
        return current.get() != null || initial.isDone() && !initial.isCompletedExceptionally();
    }

    /**
     * The model in service; waits for the first one if it is still training.
     *
     * @throws RuntimeException whatever made the first training fail, e.g. invalid intent files
     */
    public TrainedKnowledge get() {
        TrainedKnowledge trained = current.get();
        if (trained != null) {
            return trained;
        }
        try {
            current.compareAndSet(null, initial.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return current.get();
    }

    /** Puts a newly trained model in service; returns the one it replaced. */
    public TrainedKnowledge replace(TrainedKnowledge trained) {
        Objects.requireNonNull(trained, "trained must not be null");
        get();
        return current.getAndSet(trained);
    }
}
