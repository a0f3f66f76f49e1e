// The conversation the widget keeps: its session, its messages and whether the chat is open, saved with every
// change (conversation-store.js) so that a page reload resumes it; and the questions still waiting for an answer.
// Drawing is the controller's (parley-widget.js): this module only holds and saves.
import { ConversationStore } from './conversation-store.js';

export class Conversation {
  /** @param {URL} server the server's base URL: one conversation per bot server */
  constructor(server) {
    this.store = new ConversationStore(server);
    this.state = this.store.load();
    // Frame ids of this page's life, and the questions sent (or queued) in it: only questions restored from a
    // previous page are asked again.
    this.framesSent = 0;
    this.sentAgain = new Set();
  }

  get messages() {
    return this.state.messages;
  }

  get sessionId() {
    return this.state.sessionId;
  }

  get open() {
    return this.state.open;
  }

  /** The words of the last welcome (strings, language, direction), or undefined before any. */
  get speech() {
    return this.state.speech;
  }

  /** Changes the session or the open state, and saves; `{}` saves changes made to a message. */
  remember(change) {
    Object.assign(this.state, change);
    this.store.save(this.state);
  }

  /** A frame id of this page's life, for the server to answer by. */
  nextId(prefix) {
    this.framesSent += 1;
    return prefix + Date.now().toString(36) + this.framesSent;
  }

  /** Adds a message, stamped with the time, and saves. @returns the message as kept */
  add(message) {
    const stamped = { ...message, time: new Date().toISOString() };
    this.state.messages.push(stamped);
    this.remember({});
    return stamped;
  }

  /** Changes a message (a question's state), and saves. */
  change(message, change) {
    Object.assign(message, change);
    this.remember({});
  }

  /** The message with this frame id, if any. */
  find(id) {
    return this.state.messages.find((message) => message.id === id);
  }

  /** Questions sent or queued whose answer has not come. */
  waitingQuestions() {
    return this.state.messages.filter((message) => message.role === 'user' && message.pending);
  }

  /** Whether anything waits for the server: a question not yet answered. */
  isWaiting() {
    return this.state.messages.some((message) => message.pending);
  }

  /** Whether the visitor has asked anything yet. */
  hasQuestions() {
    return this.state.messages.some((message) => message.role === 'user');
  }

  /** Records that the question of this id was sent in this page's life. */
  sent(id) {
    this.sentAgain.add(id);
  }

  /**
   * The questions left waiting by a previous page (or a dropped connection) and not yet asked again in this one;
   * each counts as sent from now on.
   */
  toAskAgain() {
    const again = this.waitingQuestions().filter((message) => !this.sentAgain.has(message.id));
    again.forEach((message) => this.sent(message.id));
    return again;
  }

  /** A new conversation: no messages, no session; nothing of this one is asked again. */
  clear() {
    this.sentAgain.clear();
    this.state.messages = [];
    this.remember({ sessionId: null });
  }
}
