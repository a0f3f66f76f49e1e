package dev.parley.chat;

import tools.jackson.databind.JsonNode;

/**
 * A frame from the client (docs/protocol.md): {@code {"type":"ask","id":"c1","text":"...","intent":"..."}},
 * {@code {"type":"feedback","id":"c2","answerId":"...","helpful":false,"comment":"..."}} or
 * {@code {"type":"ping"}}. Unknown fields are ignored.
 *
 * @param type     what the client wants
 * @param id       the client's id for the message, echoed as {@code replyTo}
 * @param text     the question, for {@code ask}
 * @param intent   for {@code ask}: the intent of the suggestion the user picked, if any
 * @param answerId for {@code feedback}: the answer judged
 * @param helpful  for {@code feedback}: the verdict, read as any JSON so that a string or number is answered
 *                 with {@code bad-feedback} rather than as a malformed frame
 * @param comment  for {@code feedback}: optional words from the user
 */
record ClientMessage(String type, String id, String text, String intent, String answerId, JsonNode helpful,
                     String comment) {
}
