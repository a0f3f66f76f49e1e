package dev.parley.curation;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.knowledge.IntentProblem;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.training.KnowledgeTrainer;

/**
 * Reads the intent files again, validates them as start-up does, trains a new model and puts it in service with one
 * atomic swap. Until the swap, and for good when anything fails, the model in service keeps answering; questions
 * in flight are never paused, they only share the CPU with the training.
 *
 * <p>Curation work runs one at a time ({@link #exclusively}): a reload or proposal that arrives while another runs
 * waits for it, then works on the files as they are by then.
 */
@Component
class KnowledgeReloader {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeReloader.class);

    private final ActiveKnowledge active;
    private final KnowledgeProperties knowledgeSettings;
    private final KnowledgeTrainer trainer;
    // Fair, so that waiting requests run in the order they came; reentrant, so a proposal can reload within its turn.
    private final ReentrantLock turn = new ReentrantLock(true);

    KnowledgeReloader(ActiveKnowledge active, KnowledgeProperties knowledgeSettings, KnowledgeTrainer trainer) {
        this.active = active;
        this.knowledgeSettings = knowledgeSettings;
        this.trainer = trainer;
    }

    /**
     * Puts a model trained on the intent files as they are now in service.
     *
     * @throws InvalidKnowledgeException listing every problem in the files; the model in service stays
     */
    ReloadSummary reload() {
        return exclusively(this::reloadNow);
    }

    /** Runs {@code work} while no other reload or proposal runs. */
    <T> T exclusively(Supplier<T> work) {
        turn.lock();
        try {
            return work.get();
        } finally {
            turn.unlock();
        }
    }

    private ReloadSummary reloadNow() {
        TrainedKnowledge trained;
        try {
            trained = trainer.train();
        } catch (UncheckedIOException e) {
            // An unreadable file (permissions, bytes that are not UTF-8) is the curator's to fix, like a bad field.
            throw new InvalidKnowledgeException(List.of(new IntentProblem(knowledgeSettings.intentsDir().toString(),
                    "-", e.getMessage() + ": " + e.getCause().getMessage())), e);
        }
        active.replace(trained);
        // the trainer has logged the training; this says what became of it
        log.info("Put the reloaded intents in service");
        return ReloadSummary.of(trained);
    }
}
