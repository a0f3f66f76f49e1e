package dev.parley.conversation;

import java.util.List;

/**
 * The opening of a conversation.
 *
 * @param text        the greeting
 * @param suggestions questions to start from
 * @param sessionId   the conversation's id: the one asked for when it was valid, a new one otherwise
 */
public record Welcome(String text, List<Suggestion> suggestions, String sessionId) {
    public Welcome {
        suggestions = List.copyOf(suggestions);
    }
}
