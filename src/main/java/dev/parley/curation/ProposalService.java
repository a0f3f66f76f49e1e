package dev.parley.curation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.parley.conversation.ActiveKnowledge;
import dev.parley.knowledge.Intent;
import dev.parley.knowledge.InvalidKnowledgeException;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeProperties;
import dev.parley.knowledge.UnknownIntentException;
import dev.parley.nlu.Prediction;
import dev.parley.versions.KnowledgePublisher;
import dev.parley.versions.PublishedBy;
import dev.parley.versions.VersionConflictException;

/**
 * Turns proposed questions into new examples of an intent: skips those the knowledge base has already, appends the
 * rest to the intent's file and publishes the result. Where the intent files are the source, the file on disk is
 * edited and reloaded, and put back as it was when the reload fails, so the files on disk and the model in service
 * never disagree because of a proposal. Where the database is, the intent's file in the version in service (on
 * whichever instance published it) is edited, and nothing on disk.
 */
@Service
class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    private final ActiveKnowledge active;
    private final KnowledgeReloader reloader;
    private final KnowledgePublisher publisher;
    private final IntentFiles files;
    private final IntentFileEditor editor;

    ProposalService(ActiveKnowledge active, KnowledgeReloader reloader, KnowledgePublisher publisher,
                    KnowledgeProperties knowledgeSettings) {
        this.active = active;
        this.reloader = reloader;
        this.publisher = publisher;
        this.files = new IntentFiles(knowledgeSettings.intentsDir(), knowledgeSettings.fileLimits());
        this.editor = new IntentFileEditor(knowledgeSettings.fileLimits());
    }

    /**
     * Adds the new examples of {@code proposal} to its intent and puts a model trained with them in service.
     *
     * @throws UnknownIntentException     if the model in service has no such intent
     * @throws InvalidProposalException  if the intent cannot take examples
     * @throws InvalidKnowledgeException if the file cannot be edited or the reload fails; the file is then unchanged
     * @throws VersionConflictException  if the proposal names a base that is no longer in service and the version in
     *                                   service has no such intent
     */
    ProposalResult propose(ExampleProposal proposal) {
        if (Prediction.OUT_OF_SCOPE.equals(proposal.intent())) {
            throw new InvalidProposalException("'" + Prediction.OUT_OF_SCOPE + "' is the out-of-scope class, not an "
                    + "intent: add questions the bot should not answer to intents/_out-of-scope.yaml");
        }
        if (publisher.fromDatabase()) {
            var changed = publisher.publishChange(PublishedBy.PROPOSAL, current -> {
                Intent intent = intentOf(proposal, current.knowledge(), current.version(),
                        id -> current.files().intentFileOf(id).isPresent());
                String name = current.files().intentFileOf(intent.id()).orElseThrow();
                String text = current.files().text(name).orElseThrow();
                Edit edit = edit(proposal, intent, current.knowledge(), name, text);
                return new KnowledgePublisher.Change<>(edit.text().map(edited ->
                        current.files().with(name, edited.getBytes(StandardCharsets.UTF_8))), edit);
            });
            Edit edit = changed.result();
            changed.published().ifPresent(published -> log.info("Added {} example(s) to {} in knowledge version {}",
                    edit.selection().added().size(), proposal.intent(), published.version().version()));
            return new ProposalResult(proposal.intent(), edit.selection().added(), edit.selection().skipped(),
                    changed.published().map(ReloadSummary::of).orElse(null));
        }
        // One at a time: two proposals for the same file must not both edit the text they read before the other wrote.
        return reloader.exclusively(() -> proposeOnFiles(proposal));
    }

    /** The proposed examples that are new, and the intent file's text with them appended if there are any. */
    private record Edit(ExampleSelection selection, Optional<String> text) {
    }

    private Intent intentOf(ExampleProposal proposal, KnowledgeBase knowledge, String inService,
                            Predicate<String> hasFile) {
        Optional<Intent> found = knowledge.find(proposal.intent());
        if (found.isEmpty() && proposal.base() != null && !proposal.base().equals(inService)) {
            throw new VersionConflictException(proposal.base(), inService,
                    "it has no intent '" + proposal.intent() + "' to add the examples to");
        }
        Intent intent = found.orElseThrow(() -> new UnknownIntentException(proposal.intent()));
        if (intent.tags().contains(Intent.CONTACT) && intent.source().isEmpty() && !hasFile.test(intent.id())) {
            throw new InvalidProposalException("'" + intent.id() + "' is Parley's bundled intent for a visitor who asks"
                    + " for a person and has no file to add examples to: write intents/" + intent.id() + ".yaml, tagged "
                    + Intent.CONTACT + ", to make it your own");
        }
        return intent;
    }

    private Edit edit(ExampleProposal proposal, Intent intent, KnowledgeBase knowledge, String fileName, String text) {
        var selection = ExampleSelection.of(proposal.examples(), intent, knowledge, editor.examplesIn(text));
        if (selection.added().isEmpty()) {
            return new Edit(selection, Optional.empty());
        }
        return new Edit(selection, Optional.of(editor.withExamplesAppended(fileName, text, selection.added())));
    }

    private ProposalResult proposeOnFiles(ExampleProposal proposal) {
        var inService = active.inService();
        KnowledgeBase knowledge = inService.trained().knowledge();
        Intent intent = intentOf(proposal, knowledge, inService.version().version(), files::hasFile);
        Path file = files.fileOf(intent.id());
        byte[] original = files.read(file);
        String text = files.text(file, original);
        Edit edit = edit(proposal, intent, knowledge, file.toString(), text);
        if (edit.text().isEmpty()) {
            return new ProposalResult(intent.id(), edit.selection().added(), edit.selection().skipped(), null);
        }
        byte[] written = edit.text().get().getBytes(StandardCharsets.UTF_8);
        files.replace(file, written);
        ReloadSummary reload;
        try {
            reload = reloader.reload(PublishedBy.PROPOSAL, Optional.empty());
        } catch (RuntimeException e) {
            // an owner's save of the file since the proposal wrote it is theirs to keep, not undone by the restore
            if (stillAsWritten(file, written)) {
                restore(file, original, e);
            }
            throw e;
        }
        log.info("Added {} example(s) to {} and reloaded", edit.selection().added().size(), file);
        return new ProposalResult(intent.id(), edit.selection().added(), edit.selection().skipped(), reload);
    }

    private boolean stillAsWritten(Path file, byte[] written) {
        try {
            return Arrays.equals(files.read(file), written);
        } catch (RuntimeException gone) {
            return false; // removed or replaced by a file too large to be the proposal's: not ours to restore
        }
    }

    private void restore(Path file, byte[] original, RuntimeException reloadFailure) {
        try {
            files.replace(file, original);
        } catch (RuntimeException restoreFailure) {
            // Rare (a full disk, a folder made read-only meanwhile), but then the file is not as the reply would say.
            restoreFailure.addSuppressed(reloadFailure);
            throw restoreFailure;
        }
    }
}
