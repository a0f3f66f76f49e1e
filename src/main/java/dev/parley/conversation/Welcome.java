package dev.parley.conversation;

import java.util.List;
import java.util.Objects;

import dev.parley.knowledge.bot.Bot;

/**
 * The opening of a conversation.
 *
 * @param text        the greeting
 * @param suggestions questions to start from
 * @param sessionId   the conversation's id: the one asked for when it was valid, a new one otherwise
 * @param bot         the bot's name, language and the widget's strings, from the knowledge base in service
 */
public record Welcome(String text, List<Suggestion> suggestions, String sessionId, Bot bot) {
    public Welcome {
        Objects.requireNonNull(bot, "bot must not be null");
        suggestions = List.copyOf(suggestions);
    }
}
