package dev.parley.conversation;

/**
 * A question the bot can answer, offered to the user to click.
 *
 * @param intent   the intent id
 * @param question its canonical question
 */
public record Suggestion(String intent, String question) {
}
