package dev.parley.chat;

/**
 * A frame from the client: {@code {"type":"ask","id":"c1","text":"..."}} or {@code {"type":"ping"}}. Unknown fields
 * are ignored.
 *
 * @param type what the client wants
 * @param id   the client's id for the message, echoed as {@code replyTo}
 * @param text the question, for {@code ask}
 */
record ClientMessage(String type, String id, String text) {
}
