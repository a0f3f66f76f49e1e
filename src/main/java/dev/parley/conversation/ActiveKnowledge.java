package dev.parley.conversation;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.parley.nlu.TrainedKnowledge;

/**
 * The knowledge and classifier currently answering. Replacing them is one atomic reference change, so a request
 * that has started keeps the model it started with and never sees half of a new one.
 *
 * <p>The first model may be trained on a background thread while the rest of the application starts; the first
 * {@link #get()} waits for it, and until it is there the knowledge is not {@link #inService()}.
 *
 * <p>Each model put in service, the first and every replacement, is handed to one listener (the metrics of
 * training): the one place that sees every training, whether at start-up, by a reload or by an accepted proposal.
 */
public final class ActiveKnowledge {

    private final CompletableFuture<TrainedKnowledge> initial;
    private final Consumer<TrainedKnowledge> putInService;
    private final AtomicReference<TrainedKnowledge> current = new AtomicReference<>();

    private ActiveKnowledge(CompletableFuture<TrainedKnowledge> initial, Consumer<TrainedKnowledge> putInService) {
        this.initial = initial;
        this.putInService = putInService;
    }

    /** Starts with a model that is ready; for tests, which build their own. */
    static ActiveKnowledge of(TrainedKnowledge trained) {
        return new ActiveKnowledge(CompletableFuture.completedFuture(Objects.requireNonNull(trained)), model -> {
        });
    }

    /** Starts training the first model on its own thread and returns at once. */
    public static ActiveKnowledge trainingInBackground(Supplier<TrainedKnowledge> training) {
        return trainingInBackground(training, model -> {
        });
    }

    /**
     * Starts training the first model on its own thread and returns at once.
     *
     * @param putInService told of each model put in service, the first one (on the training thread, before
     *                     {@link #get()} returns it) and each {@link #replace replacement}
     */
    public static ActiveKnowledge trainingInBackground(Supplier<TrainedKnowledge> training,
                                                       Consumer<TrainedKnowledge> putInService) {
        Objects.requireNonNull(putInService, "putInService must not be null");
        var future = new CompletableFuture<TrainedKnowledge>();
        var thread = new Thread(() -> {
            try {
                TrainedKnowledge first = training.get();
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
        TrainedKnowledge replaced = current.getAndSet(trained);
        putInService.accept(trained);
        return replaced;
    }
}
