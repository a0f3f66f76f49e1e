package dev.parley.versions;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import dev.parley.knowledge.IntentProblem;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.KnowledgeFiles;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.training.KnowledgeTrainer;

/**
 * The intent and seed folders this instance was given, the files an owner edits: read whole, trained on, and, where
 * the database is the source, marked with the version they hold ({@link FolderBase}), which is all this instance
 * ever writes into them.
 */
final class OwnersFolders {

    private final KnowledgeProperties knowledge;
    private final KnowledgeTrainer trainer;
    private final boolean marked;

    /**
     * @param marked whether the folders are marked with the version they hold: with the database as the source; with
     *               the files as the source they are the whole truth, and nothing is written into them
     */
    OwnersFolders(KnowledgeProperties knowledge, KnowledgeTrainer trainer, boolean marked) {
        this.knowledge = knowledge;
        this.trainer = trainer;
        this.marked = marked;
    }

    /** The version the folders' marker names, if they have one. */
    Optional<String> marker() {
        return FolderBase.readFrom(knowledge.intentsDir());
    }

    /**
     * Every file of the folders, as they are now.
     *
     * @throws InvalidKnowledgeException naming the folder when a file cannot be read
     */
    KnowledgeFiles read() {
        try {
            return KnowledgeFiles.readFrom(knowledge);
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Trains on the folders, which must still hold {@code checked}, the files read for the checks and to be
     * published: an edit saved meanwhile would publish a version whose files are not those trained on.
     *
     * @throws InvalidKnowledgeException listing every problem in the files
     * @throws FilesChangedException     when the files are no longer {@code checked} once trained on
     */
    TrainedKnowledge trainOn(KnowledgeFiles checked) {
        TrainedKnowledge trained;
        try {
            trained = trainer.train();
        } catch (UncheckedIOException e) {
            throw unreadable(e);
        }
        String now = read().version();
        if (!now.equals(checked.version())) {
            throw new FilesChangedException(checked.version(), now);
        }
        return trained;
    }

    /** Marks the folders with {@code version} if they are marked at all and {@code read}, read from them, is it. */
    void markIfRead(String version, KnowledgeFiles read) {
        if (marked && version.equals(read.version())) {
            FolderBase.writeTo(knowledge.intentsDir(), version);
        }
    }

    /** Marks the folders with {@code version} if their files are it now; leaves folders it cannot read as they are. */
    void markIfTheyHold(String version) {
        try {
            markIfRead(version, KnowledgeFiles.readFrom(knowledge));
        } catch (UncheckedIOException e) {
            // no files to serve from here, as the database holds them; an unreadable one is for its reload to report
        }
    }

    // An unreadable file (permissions, bytes that are not UTF-8) is the curator's to fix, like a bad field.
    private InvalidKnowledgeException unreadable(UncheckedIOException e) {
        return new InvalidKnowledgeException(List.of(new IntentProblem(knowledge.intentsDir().toString(), "-",
                e.getMessage() + ": " + e.getCause().getMessage())), e);
    }
}
