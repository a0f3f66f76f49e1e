package dev.parley.curation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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

/**
 * Turns proposed questions into new examples of an intent: skips those the knowledge base has already, appends the
 * rest to the intent's file and reloads. A file whose reload fails is put back as it was, so the files on disk and
 * the model in service never disagree because of a proposal.
 */
@Service
class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    private final ActiveKnowledge active;
    private final KnowledgeReloader reloader;
    private final IntentFiles files;
    private final IntentFileEditor editor;

    ProposalService(ActiveKnowledge active, KnowledgeReloader reloader, KnowledgeProperties knowledgeSettings) {
        this.active = active;
        this.reloader = reloader;
        this.files = new IntentFiles(knowledgeSettings.intentsDir(), knowledgeSettings.fileLimits());
        this.editor = new IntentFileEditor(knowledgeSettings.fileLimits());
    }

    /**
     * Adds the new examples of {@code proposal} to its intent and puts a model trained with them in service.
     *
     * @throws UnknownIntentException     if the model in service has no such intent
     * @throws InvalidProposalException  if the intent cannot take examples
     * @throws InvalidKnowledgeException if the file cannot be edited or the reload fails; the file is then unchanged
     */
    ProposalResult propose(ExampleProposal proposal) {
        if (Prediction.OUT_OF_SCOPE.equals(proposal.intent())) {
            throw new InvalidProposalException("'" + Prediction.OUT_OF_SCOPE + "' is the out-of-scope class, not an "
                    + "intent: add questions the bot should not answer to intents/_out-of-scope.yaml");
        }
        // One at a time: two proposals for the same file must not both edit the text they read before the other wrote.
        return reloader.exclusively(() -> proposeNow(proposal));
    }

    private ProposalResult proposeNow(ExampleProposal proposal) {
        KnowledgeBase knowledge = active.get().knowledge();
        Intent intent = knowledge.find(proposal.intent())
                .orElseThrow(() -> new UnknownIntentException(proposal.intent()));
        if (intent.tags().contains(Intent.CONTACT) && intent.source().isEmpty() && !files.hasFile(intent.id())) {
            throw new InvalidProposalException("'" + intent.id() + "' is Parley's bundled intent for a visitor who asks"
                    + " for a person and has no file to add examples to: write intents/" + intent.id() + ".yaml, tagged "
                    + Intent.CONTACT + ", to make it your own");
        }
        Path file = files.fileOf(intent.id());
        byte[] original = files.read(file);
        String text = files.text(file, original);
        var selection = ExampleSelection.of(proposal.examples(), intent, knowledge, editor.examplesIn(text));
        if (selection.added().isEmpty()) {
            return new ProposalResult(intent.id(), selection.added(), selection.skipped(), null);
        }
        String edited = editor.withExamplesAppended(file.toString(), text, selection.added());
        files.replace(file, edited.getBytes(StandardCharsets.UTF_8));
        ReloadSummary reload;
        try {
            reload = reloader.reload();
        } catch (RuntimeException e) {
            restore(file, original, e);
            throw e;
        }
        log.info("Added {} example(s) to {} and reloaded", selection.added().size(), file);
        return new ProposalResult(intent.id(), selection.added(), selection.skipped(), reload);
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
