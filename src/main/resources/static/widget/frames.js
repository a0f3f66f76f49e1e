// The frames the widget sends (protocol: docs/protocol.md), built in this one place.

/** The longest question and comment the server accepts, in characters (code points). */
export const DEFAULT_LIMITS = Object.freeze({ questionCharacters: 1000, commentCharacters: 1000 });

/**
 * The question as it is sent: trimmed, and cut to the limit. Empty when there is nothing to ask.
 * @param {*} text what was typed, picked or passed to Parley.ask
 * @param {{questionCharacters: number}} limits
 */
export function questionText(text, limits) {
  return firstCharacters(String(text ?? '').trim(), limits.questionCharacters);
}

/**
 * Asks a question; `intent` when it is a suggestion the user picked, so the server need not guess.
 * @param {{id: string, text: string, intent: (string|undefined)}} question a new question, or one kept to be sent
 *        again (a message of the conversation, whose other fields are not sent)
 */
export function askFrame({ id, text, intent }) {
  return intent ? { type: 'ask', id, text, intent } : { type: 'ask', id, text };
}

/** A verdict on an answer, with an optional comment cut to the limit. */
export function feedbackFrame({ id, answerId, helpful, comment }, limits) {
  const frame = { type: 'feedback', id, answerId, helpful };
  if (comment) {
    frame.comment = firstCharacters(comment, limits.commentCharacters);
  }
  return frame;
}

/**
 * The first `max` characters of `text`, counted as the server counts them (Unicode code points): String.slice counts
 * UTF-16 units and could cut an emoji in half, which the server then refuses as malformed text.
 */
function firstCharacters(text, max) {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}
