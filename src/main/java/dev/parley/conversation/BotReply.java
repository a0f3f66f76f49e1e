package dev.parley.conversation;

import java.util.List;

/**
 * What the bot says back, the same for every channel.
 *
 * @param answer      markdown text to show
 * @param intent      the intent answered, or {@code null} on a fallback
 * @param confidence  the classifier's probability for its best intent, 0..1
 * @param fallback    true when the bot did not know and offers {@code suggestions} instead
 * @param suggestions questions to offer next: follow-ups after an answer, the closest questions after a fallback
 * @param sources     where the answer comes from; empty for fallbacks and small talk
 * @param sessionId   the conversation this reply belongs to
 */
public record BotReply(String answer, String intent, double confidence, boolean fallback,
                       List<Suggestion> suggestions, List<SourceExcerpt> sources, String sessionId) {
    public BotReply {
        suggestions = List.copyOf(suggestions);
        sources = List.copyOf(sources);
    }
}
