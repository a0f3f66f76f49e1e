package dev.parley.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.bot.Contact;
import dev.parley.nlu.Prediction;

/**
 * What the bot says for each kind of {@link Decision}, in one session: the words (the knowledge base's own, from
 * its bot file, for all but answers) and the suggestions that go with them, and the way to a person with every
 * fallback and every answer tagged {@value Intent#CONTACT}. Suggestions never offer an intent the session was answered within its recent context
 * ({@link SessionContext#answered()}): a chip that repeats an answer still on screen is a dead end.
 */
final class Replies implements Decision.Cases<BotReply> {

    private static final int MAX_SUGGESTIONS = 3;

    private final KnowledgeBase knowledge;
    private final SessionContext context;
    private final String sessionId;
    private final String answerId;

    Replies(KnowledgeBase knowledge, SessionContext context, String sessionId, String answerId) {
        this.knowledge = knowledge;
        this.context = context;
        this.sessionId = sessionId;
        this.answerId = answerId;
    }

    @Override
    public BotReply answer(Decision.Answer answer) {
        return answerOf(answer.intent(), answer.confidence());
    }

    @Override
    public BotReply clarify(Decision.Clarify clarify) {
        return BotReply.clarification(answerId, knowledge.bot().texts().clarification(), clarify.confidence(),
                clarify.candidates().stream().map(Replies::suggestion).toList(), sessionId);
    }

    @Override
    public BotReply fallback(Decision.Fallback fallback) {
        return BotReply.fallback(answerId, knowledge.bot().texts().fallback(), fallback.confidence(),
                closestQuestions(fallback.prediction()), knowledge.bot().contact().orElse(null), sessionId);
    }

    /** The topic's next follow-up; once there is none left, other questions to start from. */
    @Override
    public BotReply continueTopic(Decision.ContinueTopic continueTopic) {
        return continueTopic.next().map(next -> answerOf(next, continueTopic.confidence()))
                .orElseGet(() -> BotReply.plain(answerId, knowledge.bot().texts().topicExhausted(),
                        continueTopic.confidence(), starters(knowledge, context.answered()), sessionId));
    }

    /** The questions tagged {@value Intent#STARTER}, except some. */
    static List<Suggestion> starters(KnowledgeBase knowledge, Collection<String> except) {
        return knowledge.contentIntents().stream()
                .filter(intent -> intent.tags().contains(Intent.STARTER) && !except.contains(intent.id()))
                .map(Replies::suggestion)
                .toList();
    }

    /**
     * The intent's answer, with its follow-ups as suggestions but those answered lately. The follow-ups are curated
     * for this answer, so none are put in the place of those left out.
     */
    private BotReply answerOf(Intent intent, double confidence) {
        var followups = intent.followups().stream().filter(id -> !context.answered().contains(id))
                .map(knowledge::find).flatMap(Optional::stream)
                .map(Replies::suggestion).toList();
        var sources = intent.source().stream()
                .map(source -> SourceExcerpt.of(source, knowledge.document(source.document()))).toList();
        Contact contact = intent.tags().contains(Intent.CONTACT) ? knowledge.bot().contact().orElse(null) : null;
        return BotReply.answer(answerId, intent, confidence, followups, sources, contact, sessionId);
    }

    /** The closest questions but those answered lately, the next closest taking the place of those. */
    private List<Suggestion> closestQuestions(Prediction prediction) {
        Set<String> answered = context.answered();
        if (prediction.isUniform()) {
            // Nothing in the question was known (emoji, digits, another language): no intent is closer than
            // another, so offer the curated starting points rather than the first ids in alphabetical order.
            return starters(knowledge, answered);
        }
        return prediction.ranking().stream()
                .map(scored -> knowledge.find(scored.intent()))
                .flatMap(Optional::stream)
                .filter(intent -> !intent.isSmallTalk() && !answered.contains(intent.id()))
                .limit(MAX_SUGGESTIONS)
                .map(Replies::suggestion)
                .toList();
    }

    private static Suggestion suggestion(Intent intent) {
        return new Suggestion(intent.id(), intent.question());
    }
}
