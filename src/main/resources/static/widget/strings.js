// The widget's own strings (placeholder, send, status, feedback prompts, …). The server sends them in its welcome,
// in its knowledge base's language (docs/protocol.md), with the language and its direction; until the welcome
// comes, and for a server whose welcome predates them, the widget speaks this built-in English: a copy of the
// server's English strings for a bot named Parley (dev/parley/knowledge/bot/en.yaml), which WidgetDefaultStringsTest
// (in dev.parley.chat) ties to them. {title} in a string is the header's title, filled in here.

export const DEFAULT_STRINGS = Object.freeze({
  "title": "Ask Parley",
  "open": "Chat: {title}",
  "close": "Close chat",
  "new-chat": "New chat",
  "new-chat-hint": "Start a new conversation",
  "confirm-new-chat": "Start a new conversation? This one will be cleared.",
  "confirm-yes": "Start over",
  "confirm-no": "Cancel",
  "conversation": "Conversation",
  "you": "You:",
  "bot": "Parley:",
  "typing": "Parley is typing",
  "question-label": "Your question",
  "placeholder": "Ask a question…",
  "send": "Send",
  "sending": "sending…",
  "not-sent": "Not sent",
  "retry": "Retry",
  "not-connected": "Not connected yet, so that question was not sent. Please try again in a moment.",
  "feedback-not-connected": "Not connected yet, so your feedback was not sent. Please try again.",
  "feedback-question": "Was this answer helpful?",
  "helpful": "Helpful",
  "not-helpful": "Not helpful",
  "comment-placeholder": "What was missing? (optional)",
  "comment-send": "Send",
  "thanks": "Thanks for telling us.",
  "source": "Source",
  "status-connecting": "Connecting…",
  "status-online": "Online",
  "status-reconnecting": "Reconnecting…",
  "status-idle": "Not connected",
  "status-unavailable": "Cannot reach the server",
  "status-refused": "Not available here",
  "refused": "Sorry, the chat is not available on this page.",
  "refused-placeholder": "Chat is not available here"
});

/**
 * The strings, language and direction a welcome frame carries; a string it leaves out (or garbles) keeps its
 * built-in English, and a direction other than rtl is ltr.
 */
export function speechOf(welcome) {
  const sent = welcome && typeof welcome.strings === 'object' && welcome.strings !== null ? welcome.strings : {};
  const strings = {};
  Object.keys(DEFAULT_STRINGS).forEach((key) => {
    strings[key] = typeof sent[key] === 'string' && sent[key] ? sent[key] : DEFAULT_STRINGS[key];
  });
  return {
    strings: Object.freeze(strings),
    language: typeof welcome?.language === 'string' ? welcome.language : null,
    direction: welcome?.direction === 'rtl' ? 'rtl' : 'ltr',
  };
}

/** A string with the header's title put in for {title}. */
export function withTitle(text, title) {
  return text.split('{title}').join(title);
}
