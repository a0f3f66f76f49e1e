package dev.parley.conversation;

import java.util.List;

import dev.parley.knowledge.Intent;
import dev.parley.knowledge.bot.Contact;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the bot says back, the same for every channel. Made by the factory methods below, one per kind of reply, each
 * with the answer id made for it ({@link #newAnswerId()}).
 *
 * @param answerId      this reply's id: feedback on it names it ({@code POST /api/v1/answers/{id}/feedback})
 * @param answer        markdown text to show
 * @param intent        the intent answered, or {@code null} on a fallback or a clarification
 * @param confidence    the classifier's probability for its best intent, 0..1
 * @param fallback      true when the bot did not know and offers {@code suggestions} instead
 * @param clarification true when the bot's best intents were too close to pick one and it asks "Did you mean…?"
 *                      with them as {@code suggestions}
 * @param suggestions   questions to offer next: follow-ups after an answer, the candidates of a clarification,
 *                      the closest questions after a fallback
 * @param sources       where the answer comes from: each document's file name, title and link, and the quoted
 *                      passage; empty for fallbacks, clarifications and small talk
 * @param contact       a way to a person (the bot file's {@code contact}): with every fallback and the answer of an
 *                      intent tagged {@value Intent#CONTACT}; {@code null} otherwise, and when the bot has none
 * @param sessionId     the conversation this reply belongs to
 */
public record BotReply(String answerId, String answer, String intent, double confidence, boolean fallback,
                       boolean clarification, List<Suggestion> suggestions, List<SourceExcerpt> sources,
                       @Schema(description = "A way to a person, from the bot file: with every fallback and the answer "
                               + "to a request for one (an intent tagged `contact`); null otherwise, and when the bot "
                               + "has none.", nullable = true, requiredMode = Schema.RequiredMode.REQUIRED)
                       Contact contact,
                       String sessionId) {
    public BotReply {
        suggestions = List.copyOf(suggestions);
        sources = List.copyOf(sources);
    }

    /** An intent's own answer, with its follow-ups and sources. */
    static BotReply answer(String answerId, Intent intent, double confidence, List<Suggestion> followups,
                           List<SourceExcerpt> sources, Contact contact, String sessionId) {
        return new BotReply(answerId, intent.answer(), intent.id(), confidence, false, false, followups, sources,
                contact, sessionId);
    }

    /** "Did you mean…?", with the candidates as suggestions. */
    static BotReply clarification(String answerId, String text, double confidence, List<Suggestion> candidates,
                                  String sessionId) {
        return new BotReply(answerId, text, null, confidence, false, true, candidates, List.of(), null,
                sessionId);
    }

    /** The bot does not know, and offers the closest questions it can answer, and a person where there is one. */
    static BotReply fallback(String answerId, String text, double confidence, List<Suggestion> closest,
                             Contact contact, String sessionId) {
        return new BotReply(answerId, text, null, confidence, true, false, closest, List.of(), contact,
                sessionId);
    }

    /** Words of the bot's own that answer no intent and are neither a fallback nor a clarification. */
    static BotReply plain(String answerId, String text, double confidence, List<Suggestion> suggestions,
                          String sessionId) {
        return new BotReply(answerId, text, null, confidence, false, false, suggestions, List.of(), null,
                sessionId);
    }

    /** A new answer id, made before the question is handled so that every log line about it can name it. */
    static String newAnswerId() {
        return NewIds.answerId();
    }
}
