package dev.parley.conversation;

/**
 * The passage an answer is drawn from.
 *
 * @param document seed document file name
 * @param excerpt  the quoted passage
 */
public record SourceExcerpt(String document, String excerpt) {
}
