package dev.parley.conversation;

/** Feedback named an answer id the bot never gave, or one whose exchange retention has already deleted. */
public final class UnknownAnswerException extends RuntimeException {

    private final String answerId;

    public UnknownAnswerException(String answerId) {
        super("No answer with id '" + answerId + "' is known; it may never have been given or may have expired.");
        this.answerId = answerId;
    }

    public String answerId() {
        return answerId;
    }
}
