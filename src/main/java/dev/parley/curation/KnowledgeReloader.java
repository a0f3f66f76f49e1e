package dev.parley.curation;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.versions.KnowledgePublisher;
import dev.parley.versions.PublishedBy;
import dev.parley.versions.VersionConflictException;

/**
 * Reads the intent files again, validates them as start-up does, trains a new model, publishes it as a knowledge
 * version and puts it in service with one atomic swap ({@link KnowledgePublisher}). Until the swap, and for good
 * when anything fails, the model in service keeps answering; questions in flight are never paused, they only share
 * the CPU with the training.
 *
 * <p>Curation work runs one at a time ({@link #exclusively}): a reload or proposal that arrives while another runs
 * waits for it, then works on the knowledge as it is by then.
 */
@Component
class KnowledgeReloader {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeReloader.class);

    private final KnowledgePublisher publisher;

    KnowledgeReloader(KnowledgePublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Publishes the intent files as they are now and puts the model trained on them in service.
     *
     * @throws InvalidKnowledgeException listing every problem in the files; the model in service stays
     */
    ReloadSummary reload() {
        return reload(PublishedBy.RELOAD, Optional.empty());
    }

    /**
     * Publishes the intent files as they are now, if {@code base} (when given) is still the version in service.
     *
     * @throws InvalidKnowledgeException listing every problem in the files; the model in service stays
     * @throws VersionConflictException  when {@code base} is no longer in service
     */
    ReloadSummary reload(PublishedBy by, Optional<String> base) {
        var published = publisher.publishFiles(by, base);
        // the trainer has logged the training; this says what became of it
        log.info("Put the intent files in service as knowledge version {}", published.version().version());
        return ReloadSummary.of(published);
    }

    /** Runs {@code work} while no other reload or proposal runs. */
    <T> T exclusively(Supplier<T> work) {
        return publisher.exclusively(work);
    }
}
