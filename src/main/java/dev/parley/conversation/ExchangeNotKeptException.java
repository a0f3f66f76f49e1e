package dev.parley.conversation;

/**
 * An exchange could not be stored, so its reply is withheld: an answer id handed out must be one that feedback can
 * name later. Channels answer it as a temporary failure (the database may be down); asking again may succeed.
 */
public final class ExchangeNotKeptException extends RuntimeException {

    /**
     * What a program is told over REST (a 503) when an answer is withheld because it could not be kept; the chat
     * says the bot file's {@code unavailable} text to its visitor instead.
     */
    public static final String USER_MESSAGE =
            "The answer could not be kept, so it was not given. Please ask again in a moment.";

    public ExchangeNotKeptException(Exchange exchange, RuntimeException cause) {
        super("Could not keep exchange " + exchange.answerId() + " of session " + exchange.sessionId(), cause);
    }
}
