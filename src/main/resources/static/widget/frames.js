// The frames the widget sends, and the limits it reads from the server's welcome (protocol: docs/protocol.md),
// built in this one place.

/**
 * The longest question and comment, in characters (code points), until the server's welcome says, and for a server
 * that predates the welcome's `limits` field: a copy of the server's limit (dev.parley.text.UserText.MAX_LENGTH).
 * The welcome is the one source; this copy exists only for those two cases, and WidgetDefaultLimitsTest (in
 * dev.parley.chat) fails if it differs from what the welcome sends.
 */
export const DEFAULT_LIMITS = Object.freeze({ questionCharacters: 1000, commentCharacters: 1000 });

/** The limits a welcome frame carries in its `limits` field; a limit it leaves out (or garbles) keeps its default. */
export function limitsOf(welcome) {
  const sent = welcome.limits ?? {};
  return {
    questionCharacters: positiveWhole(sent.questionCharacters) ?? DEFAULT_LIMITS.questionCharacters,
    commentCharacters: positiveWhole(sent.commentCharacters) ?? DEFAULT_LIMITS.commentCharacters,
  };
}

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

function positiveWhole(value) {
  return Number.isInteger(value) && value > 0 ? value : null;
}
