package dev.parley.versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.conversation.ActiveKnowledge.InService;
import dev.parley.conversation.ServedVersion;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeFiles;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.nlu.TrainedKnowledge;
import dev.parley.nlu.training.KnowledgeTrainer;

/**
 * Publishes knowledge versions and keeps this instance serving the latest. A publication validates and trains first,
 * then stores the version and records it as the one in service in one transaction, and only after the commit puts
 * the new model in service here; whatever fails on the way leaves the database and the model in service as they
 * were. Publishers take turns: one at a time on this instance (a fair lock, so requests go in the order they came)
 * and, through a row lock held for the transaction, one at a time across every instance on the database, so that
 * the second of two publishes after the first, on top of it, or is refused (409) if it names as its base a version
 * that is no longer in service.
 *
 * <p>What training kept for a version (its model and calibration) is stored with it, and restored by an instance
 * that loads the version, so each version is trained once, by the instance that publishes it.
 */
public final class KnowledgePublisher {

    private static final Logger log = LoggerFactory.getLogger(KnowledgePublisher.class);

    private final VersionStore store;
    private final KnowledgeTrainer trainer;
    private final KnowledgeProperties knowledge;
    private final boolean fromDatabase;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ActiveKnowledge active;
    private final OwnersFolders folders;
    // Fair, so that waiting requests run in the order they came; reentrant, so a proposal can publish within its turn.
    private final ReentrantLock turn = new ReentrantLock(true);

    KnowledgePublisher(VersionStore store, KnowledgeTrainer trainer, KnowledgeProperties knowledge,
                       boolean fromDatabase, TransactionTemplate transactions, Clock clock,
                       Consumer<InService> putInService) {
        this.store = store;
        this.trainer = trainer;
        this.knowledge = knowledge;
        this.fromDatabase = fromDatabase;
        this.transactions = transactions;
        this.clock = clock;
        this.folders = new OwnersFolders(knowledge, trainer, fromDatabase);
        this.active = ActiveKnowledge.preparingInBackground(this::startUp, putInService);
    }

    /** The model in service on this instance, and its version. */
    ActiveKnowledge active() {
        return active;
    }

    /** Whether the database is the source of the knowledge (else the intent files are, read at start-up). */
    public boolean fromDatabase() {
        return fromDatabase;
    }

    /** Runs {@code work} while no other publication of this instance runs. */
    public <T> T exclusively(Supplier<T> work) {
        turn.lock();
        try {
            return work.get();
        } finally {
            turn.unlock();
        }
    }

    /**
     * Trains on the intent files as they are now and publishes them: a reload, or a proposal that edited the files.
     * Files that are the version in service already are trained on again but not published again. Where the
     * database is the source, files behind the version in service ({@link FilesBehind}) are refused unless the caller
     * names that version as {@code base}: publishing them would silently undo what was published since.
     *
     * @param base the version the caller saw in service, if it names one: another in service now is a conflict
     * @throws InvalidKnowledgeException   listing every problem in the files; nothing changes
     * @throws VersionConflictException    when {@code base} is no longer in service
     * @throws FilesBehindException        when no {@code base} is named and the files are behind the version in service
     * @throws FilesChangedException       when the files changed while they were trained on
     */
    public InService publishFiles(PublishedBy by, Optional<String> base) {
        return exclusively(() -> {
            // the marker before the files: a download unpacked in between then pairs its files with the older
            // marker, which can find more of them behind but never take an older file for the owner's edit
            Optional<String> marker = folders.marker();
            KnowledgeFiles files = folders.read();
            InService published = swap(transactions.execute(status -> publishRead(files, marker, by, base)));
            folders.markIfRead(published.version().version(), files);
            return published;
        });
    }

    private InService publishRead(KnowledgeFiles files, Optional<String> marker, PublishedBy by,
                                  Optional<String> base) {
        Optional<Publication> latest = lockAndCheck(base);
        if (fromDatabase && base.isEmpty() && latest.isPresent() && !files.version().equals(latest.get().version())) {
            FilesBehind.Judgement judged = FilesBehind.of(files, marker, latest.get().version(), store);
            if (!judged.stale().isEmpty()) {
                throw new FilesBehindException(latest.get().version(), files.version(), judged);
            }
        }
        return publish(files, folders.trainOn(files), by, latest);
    }

    /**
     * Publishes a change of the version in service (the latest, brought in service here first if another instance
     * published it): {@code change} is given its files and knowledge base and returns the files to publish, or
     * none when there is nothing to change.
     *
     * @return what {@code change} said, and the new model in service if it published one
     */
    public <T> Changed<T> publishChange(PublishedBy by, Function<Current, Change<T>> change) {
        return exclusively(() -> {
            var outcome = transactions.execute(status -> {
                Optional<Publication> latest = lockAndCheck(Optional.empty());
                InService current = latest.isPresent() && latest.get().id() != active.version().publication()
                        ? swap(load(latest.get())) : active.inService();
                KnowledgeFiles files = store.files(current.version().version()).orElseThrow(() ->
                        new IllegalStateException("the version in service is not stored: "
                                + current.version().version()));
                Change<T> asked = change.apply(new Current(files, current.trained().knowledge(),
                        current.version().version()));
                if (asked.files().isEmpty()) {
                    return new Changed<T>(asked.result(), Optional.empty());
                }
                TrainedKnowledge trained = trainFrom(asked.files().get());
                return new Changed<T>(asked.result(), Optional.of(publish(asked.files().get(), trained, by, latest)));
            });
            outcome.published().ifPresent(this::swap);
            return outcome;
        });
    }

    /**
     * Publishes an earlier version again as the one in service (restoring what training kept for it).
     *
     * @throws UnknownVersionException  when no such version was published
     * @throws VersionConflictException when {@code base} is no longer in service
     */
    InService rollBack(String version, Optional<String> base) {
        return exclusively(() -> swap(transactions.execute(status -> {
            Optional<Publication> latest = lockAndCheck(base);
            KnowledgeFiles files = store.files(version).orElseThrow(() -> new UnknownVersionException(version));
            trainer.restore(store.modelFiles(version));
            return publish(files, trainFrom(files), PublishedBy.ROLLBACK, latest);
        })));
    }

    /**
     * Puts the latest version in service here if another instance published it; what an instance that serves from
     * the database does when notified and every few seconds.
     *
     * @return whether it put another version in service
     */
    boolean catchUp() {
        return exclusively(() -> {
            Optional<Publication> latest = store.latest();
            if (latest.isEmpty() || latest.get().id() == active.version().publication()) {
                return false;
            }
            log.info("Putting knowledge version {} in service, published {} by {}", latest.get().version(),
                    latest.get().publishedAt(), latest.get().publishedBy());
            swap(load(latest.get()));
            return true;
        });
    }

    /** The files and knowledge base of the version in service, for a change to be made to. */
    public record Current(KnowledgeFiles files, KnowledgeBase knowledge, String version) {
    }

    /** What a change asks: the files to publish, if any, and what to tell its caller. */
    public record Change<T>(Optional<KnowledgeFiles> files, T result) {
    }

    /** What a change said, and the model it put in service if it published one. */
    public record Changed<T>(T result, Optional<InService> published) {
    }

    private InService startUp() {
        if (fromDatabase) {
            Optional<Publication> latest = store.latest();
            if (latest.isPresent()) {
                InService loaded = load(latest.get());
                folders.markIfTheyHold(loaded.version().version());
                return loaded;
            }
        }
        // the files: always when they are the source; into an empty database when it is
        for (int attempt = 1; ; attempt++) {
            try {
                return importTheFiles();
            } catch (FilesChangedException e) {
                if (attempt == 3) {
                    throw e;
                }
                log.info("The intent files changed while they were trained on; training on them again");
            }
        }
    }

    private InService importTheFiles() {
        KnowledgeFiles files = folders.read();
        InService imported = transactions.execute(status -> {
            Optional<Publication> latest = lockAndCheck(Optional.empty());
            if (fromDatabase && latest.isPresent()) {
                return load(latest.get()); // another instance imported its files meanwhile
            }
            return publish(files, folders.trainOn(files), PublishedBy.IMPORT, latest);
        });
        folders.markIfRead(imported.version().version(), files);
        return imported;
    }

    private Optional<Publication> lockAndCheck(Optional<String> base) {
        store.lockPublishers();
        Optional<Publication> latest = store.latest();
        String inService = latest.map(Publication::version).orElse("none");
        base.filter(version -> !version.equals(inService)).ifPresent(version -> {
            throw new VersionConflictException(version, inService, "");
        });
        return latest;
    }

    /** Stores the trained files' version and records it in service, unless it is in service already. */
    private InService publish(KnowledgeFiles files, TrainedKnowledge trained, PublishedBy by,
                              Optional<Publication> latest) {
        store.store(files, trained.knowledge().size(), trainer.kept(trained.knowledge()), clock.instant());
        Publication publication = latest.filter(known -> known.version().equals(files.version()))
                .orElseGet(() -> store.publish(files.version(), latest.map(Publication::version).orElse(null), by,
                        clock.instant()));
        if (publication.id() != latest.map(Publication::id).orElse(-1L)) {
            log.info("Published knowledge version {} ({} intents, {})", files.version(), trained.knowledge().size(),
                    by);
        }
        return new InService(trained, served(publication));
    }

    private InService load(Publication publication) {
        KnowledgeFiles files = store.files(publication.version()).orElseThrow();
        trainer.restore(store.modelFiles(publication.version()));
        return new InService(trainFrom(files), served(publication));
    }

    private static ServedVersion served(Publication publication) {
        return new ServedVersion(publication.version(), publication.publishedAt(), publication.intents(),
                publication.id());
    }

    private InService swap(InService next) {
        active.replace(next);
        return next;
    }

    /** Trains on files that are not in the folders: written to a temporary folder for the loader, then removed. */
    private TrainedKnowledge trainFrom(KnowledgeFiles files) {
        Path folder = null;
        try {
            // named after the version, so that a loader warning about one of its files says which version it is
            folder = Files.createTempDirectory("parley-knowledge-" + files.version().substring(0, 12) + "-");
            return trainer.train(files.writeTo(folder, knowledge),
                    "knowledge version " + files.version().substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder to train knowledge version " + files.version(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Could not remove the temporary folder {}: {}", folder, e.getMessage());
        }
    }
}
