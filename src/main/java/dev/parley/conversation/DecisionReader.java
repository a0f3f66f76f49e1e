package dev.parley.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.conversation.Decision.Answer;
import dev.parley.conversation.Decision.Clarify;
import dev.parley.conversation.Decision.ContinueTopic;
import dev.parley.conversation.Decision.Fallback;
import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.nlu.Prediction;
import dev.parley.nlu.Question;
import dev.parley.nlu.ScoredIntent;
import dev.parley.nlu.TrainedKnowledge;

/**
 * Turns a question, the session's recent context and the model in service into a {@link Decision}: the one place
 * where the bot decides between answering, asking "Did you mean…?", falling back and continuing a topic. It reads
 * the question alone and, only when it may be a short follow-up, once more in the light of the last topic
 * ({@code readAsFollowUp}). Stateless apart from its settings, and thread-safe.
 */
public final class DecisionReader {

    /** How much likelier a topic's follow-ups are than other intents right after it (measured: docs/quality.md). */
    private static final double FOLLOW_UP_PRIOR = 16.0;

    private final ClarificationPolicy clarification;

    public DecisionReader(ClarificationPolicy clarification) {
        this.clarification = clarification;
    }

    /**
     * Decides what to do with one message.
     *
     * @param chosenIntent the intent of a suggestion the user picked: answered without classifying, unless the
     *                     knowledge base no longer has it, when the question is read as typed instead
     */
    public Decision read(Question question, Optional<String> chosenIntent, SessionContext context,
                         TrainedKnowledge model) {
        Decision decision = chosenIntent.flatMap(model.knowledge()::find)
                .<Decision>map(intent -> new Answer(intent, 1.0))
                .orElseGet(() -> classified(question, context, model));
        return continuingTheTopic(decision, context, model.knowledge());
    }

    private Decision classified(Question question, SessionContext context, TrainedKnowledge model) {
        Prediction bare = model.classifier().classify(question);
        Decision alone = read(bare, model);
        List<String> words = question.words();
        boolean mayFollowUp = words.size() <= FollowUpCues.MAX_WORDS
                && (!(alone instanceof Answer) || FollowUpCues.pointBack(words));
        if (context.topic().isEmpty() || !mayFollowUp) {
            return alone;
        }
        return readAsFollowUp(question, bare, alone, context.topic().get(), model);
    }

    /**
     * The one place a question is classified a second time: a short follow-up, read in the light of the last topic
     * two ways, with the topic's question beside it ("who can refer cases there?"), and with the topic's follow-ups
     * made likelier ("and in Africa?" after the European Court). A contextual reading wins only when it answers
     * confidently on another intent than the topic itself: "what about the weather?" after an ICC answer must not
     * become a second ICC answer.
     */
    private Decision readAsFollowUp(Question question, Prediction bare, Decision alone, Intent topic,
                                    TrainedKnowledge model) {
        Decision best = alone;
        for (Prediction contextual : List.of(
                model.classifier().classify(Question.of(question.text() + " " + topic.question())),
                bare.favouring(Set.copyOf(topic.followups()), FOLLOW_UP_PRIOR))) {
            Decision reading = read(contextual, model);
            boolean movesOn = reading instanceof Answer answer && !answer.intent().id().equals(topic.id())
                    && !answer.intent().isSmallTalk();
            if (movesOn && (!(best instanceof Answer) || reading.confidence() > best.confidence())) {
                best = reading;
            }
        }
        return best;
    }

    /** What one prediction says: fall back, clarify among close content intents, or answer the best one. */
    private Decision read(Prediction prediction, TrainedKnowledge model) {
        double confidence = prediction.bestIntent().map(ScoredIntent::score).orElse(0.0);
        KnowledgeBase knowledge = model.knowledge();
        Optional<Intent> found = knowledge.find(prediction.top().intent());
        if (model.policy().fallsBack(prediction) || found.isEmpty()) {
            return new Fallback(prediction, confidence);
        }
        Intent best = found.get();
        // the best intent is at hand already; each runner-up is looked up once
        List<Intent> candidates = clarification.candidates(prediction,
                id -> (id.equals(best.id()) ? found : knowledge.find(id)).filter(intent -> !intent.isSmallTalk()));
        return candidates.isEmpty() ? new Answer(best, confidence) : new Clarify(candidates, confidence);
    }

    /** "Tell me more" answered while a topic is going on continues that topic with its next follow-up. */
    private static Decision continuingTheTopic(Decision decision, SessionContext context, KnowledgeBase knowledge) {
        if (!(decision instanceof Answer answer) || !answer.intent().continuesTopic() || context.topic().isEmpty()) {
            return decision;
        }
        Intent topic = context.topic().get();
        Optional<Intent> next = topic.followups().stream()
                .filter(id -> !context.answered().contains(id))
                .map(knowledge::find)
                .flatMap(Optional::stream)
                .findFirst();
        return new ContinueTopic(topic, next, answer.confidence());
    }
}
