package dev.parley.knowledge.bot;

import java.util.Objects;

/**
 * Every text the bot says that is not an answer, with {@code {name}} and {@code {topics}} already filled in.
 *
 * @param welcome        the greeting a chat opens with
 * @param fallback       what the bot says when it does not know, before the closest questions
 * @param clarification  "Did you mean…", before the candidates
 * @param topicExhausted "tell me more" with nothing more on the topic, before other questions to start from
 * @param rateLimited    a chat message refused for its rate; may hold {@code {seconds}}, the wait ({@link #rateLimited(long)})
 * @param unavailable    a chat message that could not be answered (the database is down, answering failed)
 * @param contact        what introduces the contact, as the answer to a visitor who asks for a person
 */
public record BotTexts(String welcome, String fallback, String clarification, String topicExhausted,
                       String rateLimited, String unavailable, String contact) {

    /** The placeholder of {@link #rateLimited}: the whole seconds until a message is accepted again. */
    public static final String SECONDS = "{seconds}";

    public BotTexts {
        Objects.requireNonNull(welcome, "welcome must not be null");
        Objects.requireNonNull(fallback, "fallback must not be null");
        Objects.requireNonNull(clarification, "clarification must not be null");
        Objects.requireNonNull(topicExhausted, "topicExhausted must not be null");
        Objects.requireNonNull(rateLimited, "rateLimited must not be null");
        Objects.requireNonNull(unavailable, "unavailable must not be null");
        Objects.requireNonNull(contact, "contact must not be null");
    }

    /** The rate-limited text, with the wait in whole seconds. */
    public String rateLimited(long seconds) {
        return rateLimited.replace(SECONDS, String.valueOf(seconds));
    }
}
