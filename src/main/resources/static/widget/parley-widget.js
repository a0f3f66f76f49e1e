// The Parley chat widget: a launcher bubble and a chat panel, isolated in a Shadow DOM so that the host page's CSS
// cannot break it and it cannot break the host page. User text is only ever set as text; answers go through the
// markdown sanitiser. No inline script or style anywhere, so it runs under a strict Content-Security-Policy.
//
// This module is the controller: it keeps the conversation's state and turns what the visitor does and what the
// server sends into changes of it. Beside it, one module per concern: view.js and messages.js draw, frames.js
// builds what is sent, feedback.js follows the verdicts on their way, conversation-store.js keeps the conversation
// across page loads, chat-connection.js holds the socket, accent.js vets the site's accent colour.
import { readableAccent } from './accent.js';
import { ChatConnection } from './chat-connection.js';
import { ConversationStore } from './conversation-store.js';
import { el } from './dom.js';
import { PendingVerdicts } from './feedback.js';
import { DEFAULT_LIMITS, askFrame, feedbackFrame, limitsOf, questionText } from './frames.js';
import { feedbackRow, messageItem } from './messages.js';
import { buildView } from './view.js';

const STATE_TEXT = {
  connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', idle: 'Not connected',
  unavailable: 'Cannot reach the server', refused: 'Not available here',
};
// Said by the widget itself: a page the server refuses gets nothing from the server.
const REFUSED_TEXT = 'Sorry, the chat is not available on this page.';

/**
 * Builds the widget on the page and connects it.
 * @param {{server: URL, options: Object<string,string>}} config the server and the script tag's data-* attributes
 * @returns {{open: function(), close: function(), ask: function(string)}} the JS API
 */
export function mount({ server, options }) {
  const widget = new ParleyWidget(server, options);
  // Calls from the host page's scripts leave focus where the host page put it.
  return {
    open: () => widget.open({ focus: false }),
    close: () => widget.close(),
    ask: (text) => widget.ask(text, { focus: false }),
  };
}

class ParleyWidget {
  constructor(server, options) {
    this.options = options;
    this.store = new ConversationStore(server);
    this.state = this.store.load();
    this.limits = DEFAULT_LIMITS;
    this.asked = 0;
    this.sentAgain = new Set();
    this.verdicts = new PendingVerdicts();
    // What the buttons of a message do.
    this.actions = {
      ask: (text, how) => this.ask(text, how),
      retry: (message) => this.retry(message),
      judge: (message, helpful, row, comment) => this.judge(message, helpful, row, comment),
      canRetry: () => !this.connection?.refused,
      commentLength: this.limits.commentCharacters,
    };
    // A custom element: host-page rules aimed at div or section never match it.
    this.host = el('parley-chat', { id: 'parley-widget',
      'data-position': options.position === 'left' ? 'left' : 'right' });
    const accent = readableAccent(options.accent);
    if (accent) {
      // CSSOM, not a style attribute: allowed under a strict style-src.
      this.host.style.setProperty('--parley-accent', accent);
    }
    const title = options.title || 'Ask Parley';
    this.launcherLabel = 'Chat: ' + title;
    this.view = buildView({
      title,
      maxLength: this.limits.questionCharacters,
      toggle: () => (this.view.panel.hidden ? this.open() : this.close()),
      close: () => this.close(),
      askToStartOver: () => this.askToStartOver(),
      startOver: () => this.startOver(),
      cancelStartOver: () => this.cancelStartOver(),
      ask: (text) => this.ask(text),
    });
    this.showLauncher(false);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const stylesheet = el('link', { rel: 'stylesheet', href: new URL('widget/parley-widget.css', server).href });
    shadow.append(stylesheet, this.view.root);
    document.body.append(this.host);

    this.state.messages.forEach((message) => this.show(message));
    this.connection = new ChatConnection(server, {
      onFrame: (frame) => this.receive(frame),
      onState: (state) => this.connectionState(state),
      wanted: () => !this.view.panel.hidden || this.state.messages.some((message) => message.pending),
    });
    this.connectionState('idle');
    if (this.state.open || options.open === 'true') {
      this.open({ focus: false });
    } else if (this.state.messages.some((message) => message.pending)) {
      // A question was left unanswered: reconnect now so that it is asked again.
      this.connection.connect(this.state.sessionId);
    } else if (this.state.messages.length > 0) {
      // Resume the conversation's session, so the server knows it before the next question.
      this.connection.connect(this.state.sessionId);
    }
  }

  showLauncher(open) {
    const launcher = this.view.launcher;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? 'Close chat' : this.launcherLabel);
    launcher.title = open ? 'Close chat' : this.launcherLabel;
    this.host.dataset.open = String(open);
  }

  open({ focus = true } = {}) {
    this.view.panel.hidden = false;
    this.showLauncher(true);
    this.remember({ open: true });
    this.connection.connect(this.state.sessionId);
    this.scrollToEnd();
    if (focus) {
      this.view.input.focus();
    }
  }

  close() {
    const hadFocus = this.host.shadowRoot.activeElement !== null;
    this.view.panel.hidden = true;
    this.showLauncher(false);
    this.remember({ open: false });
    if (hadFocus) {
      this.view.launcher.focus();
    }
  }

  /** Asks a question; `intent` when it is a suggestion the user picked, so the server need not guess. */
  ask(text, { focus = true, intent } = {}) {
    const question = questionText(text, this.limits);
    if (!question) {
      return;
    }
    if (this.view.panel.hidden) {
      this.open({ focus });
    }
    const id = this.nextId('c');
    if (this.connection.refused) {
      this.add({ role: 'user', text: question, id, intent, failed: true });
      return;
    }
    if (!this.connection.send(askFrame({ id, text: question, intent }))) {
      this.add({ role: 'notice', text: 'Not connected yet, so that question was not sent. Please try again in a moment.' });
      return;
    }
    // Sent (or queued) in this page's life: only questions restored from a previous page are asked again.
    this.sentAgain.add(id);
    this.add({ role: 'user', text: question, id, intent, pending: true });
  }

  /** A question that could not be sent, sent again by its Retry button. */
  retry(message) {
    if (!this.connection.send(askFrame(message))) {
      return;
    }
    this.sentAgain.add(message.id);
    this.mark(message, { pending: true, failed: false });
  }

  /** Questions waiting to be sent when the server cannot be reached or refuses this page are not sent. */
  failWaitingQuestions() {
    this.state.messages.filter((message) => message.role === 'user' && message.pending)
      .forEach((message) => this.mark(message, { pending: false, failed: true }));
  }

  /** Changes a question's state, kept and shown. */
  mark(message, change) {
    Object.assign(message, change);
    this.remember({});
    this.view.messages.querySelector('[data-id="' + CSS.escape(message.id) + '"]')
      ?.replaceWith(messageItem(message, this.actions));
  }

  askToStartOver() {
    if (!this.state.messages.some((message) => message.role === 'user')) {
      this.startOver();
      return;
    }
    this.view.confirm.hidden = false;
    this.view.confirm.querySelector('.confirm-yes').focus();
  }

  cancelStartOver() {
    this.view.confirm.hidden = true;
    this.view.startOverButton.focus();
  }

  /**
   * A new conversation: the one shown is cleared from the page and from its storage, and a new session starts, so
   * the server reads nothing that follows in the light of what was said before.
   */
  startOver() {
    this.view.confirm.hidden = true;
    this.verdicts.clear();
    this.sentAgain.clear();
    this.view.typing.hidden = true;
    this.view.messages.replaceChildren();
    this.state.messages = [];
    this.remember({ sessionId: null });
    this.connection.restart();
    this.view.input.focus();
  }

  /** Thumbs up or down on an answer (with an optional comment), shown as chosen once the server keeps it. */
  judge(message, helpful, row, comment) {
    if (!PendingVerdicts.changes(message, helpful, comment)) {
      return;
    }
    const frame = feedbackFrame({ id: this.nextId('f'), answerId: message.answerId, helpful, comment }, this.limits);
    if (!this.connection.send(frame)) {
      this.add({ role: 'notice', text: 'Not connected yet, so your feedback was not sent. Please try again.' });
      return;
    }
    this.verdicts.add(frame.id, message, helpful, comment, row);
  }

  feedbackKept(id) {
    const verdict = this.verdicts.kept(id);
    if (!verdict) {
      return;
    }
    this.remember({});
    // The row on screen now, which may differ from the one clicked if an earlier confirmation redrew it.
    const row = this.view.messages.querySelector(
      `[data-answer-id="${CSS.escape(verdict.message.answerId)}"] .feedback`);
    (row || verdict.row).replaceWith(feedbackRow(verdict.message, this.actions));
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        this.remember({ sessionId: frame.sessionId });
        this.obey(limitsOf(frame));
        if (this.state.messages.length === 0) {
          this.add({ role: 'bot', answer: this.options.greeting || frame.text, suggestions: frame.suggestions });
        }
        this.askAgainWhatWasNotAnswered();
        break;
      case 'typing':
        this.view.typing.hidden = false;
        this.scrollToEnd();
        break;
      case 'answer':
        this.answered(frame.replyTo);
        this.view.typing.hidden = true;
        this.add({
          role: 'bot', answer: frame.answer, answerId: frame.answerId, fallback: frame.fallback,
          clarification: frame.clarification, suggestions: frame.suggestions, sources: frame.sources,
        });
        break;
      case 'feedback-received':
        this.feedbackKept(frame.replyTo);
        break;
      case 'error':
        if (frame.replyTo) {
          this.answered(frame.replyTo);
          this.verdicts.refused(frame.replyTo);
        }
        this.view.typing.hidden = true;
        this.add({ role: 'notice', text: frame.message });
        break;
      default:
        break;
    }
  }

  /** The server's limits, from its welcome: the fields stop typing there, and what is sent is cut there. */
  obey(limits) {
    this.limits = limits;
    this.actions.commentLength = limits.commentCharacters;
    this.view.input.maxLength = limits.questionCharacters;
    this.view.messages.querySelectorAll('.comment-input')
      .forEach((field) => { field.maxLength = limits.commentCharacters; });
  }

  /** A question is no longer waiting once its answer (or an error about it) has come. */
  answered(id) {
    const question = this.state.messages.find((message) => message.id === id);
    if (question && question.pending) {
      this.mark(question, { pending: false });
    }
  }

  /**
   * Questions still waiting when the page was left (or the connection dropped mid-answer) are asked again when
   * the conversation resumes, so none is lost. The server answers each by the same id.
   */
  askAgainWhatWasNotAnswered() {
    this.state.messages.filter((message) => message.role === 'user' && message.pending).forEach((message) => {
      if (!this.sentAgain.has(message.id)) {
        this.sentAgain.add(message.id);
        this.connection.send(askFrame(message));
      }
    });
  }

  connectionState(state) {
    this.host.dataset.state = state;
    this.view.status.textContent = STATE_TEXT[state] || state;
    if (state === 'unavailable') {
      this.failWaitingQuestions();
    } else if (state === 'refused') {
      // Every question not answered is not sent, and offers no retry: retrying cannot help on this page.
      this.state.messages.filter((message) => message.role === 'user' && (message.pending || message.failed))
        .forEach((message) => this.mark(message, { pending: false, failed: true }));
      if (!this.state.messages.at(-1)?.refused) {
        this.add({ role: 'notice', text: REFUSED_TEXT, refused: true });
      }
      this.view.input.disabled = true;
      this.view.sendButton.disabled = true;
      this.view.startOverButton.disabled = true;
      this.view.input.placeholder = 'Chat is not available here';
    }
  }

  /** A frame id of this page's life, for the server to answer by. */
  nextId(prefix) {
    this.asked += 1;
    return prefix + Date.now().toString(36) + this.asked;
  }

  add(message) {
    const stamped = { ...message, time: new Date().toISOString() };
    this.state.messages.push(stamped);
    this.remember({});
    this.show(stamped);
  }

  show(message) {
    const item = messageItem(message, this.actions);
    this.view.messages.append(item);
    // A long answer is read from its start: scroll its top into view rather than to its end.
    if (message.role === 'bot' && item.offsetHeight > this.view.log.clientHeight) {
      this.view.log.scrollTop = item.offsetTop - this.view.messages.offsetTop;
    } else {
      this.scrollToEnd();
    }
  }

  remember(change) {
    Object.assign(this.state, change);
    this.store.save(this.state);
  }

  scrollToEnd() {
    this.view.log.scrollTop = this.view.log.scrollHeight;
  }
}
