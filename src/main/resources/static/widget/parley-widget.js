// The Parley chat widget: a launcher bubble and a chat panel, isolated in a Shadow DOM so that the host page's CSS
// cannot break it and it cannot break the host page. User text is only ever set as text; answers go through the
// markdown sanitiser. No inline script or style anywhere, so it runs under a strict Content-Security-Policy.
//
// This module is the controller: it turns what the visitor does and what the server sends into changes of the
// conversation, and shows them. Beside it, one module per concern: view.js and messages.js draw, frames.js
// builds what is sent, feedback.js follows the verdicts on their way, conversation.js holds the conversation (and
// conversation-store.js keeps it across page loads), chat-connection.js holds the socket, accent.js vets the site's
// accent colour.
import { readableAccent } from './accent.js';
import { ChatConnection } from './chat-connection.js';
import { Conversation } from './conversation.js';
import { PendingVerdicts } from './feedback.js';
import { DEFAULT_LIMITS, askFrame, feedbackFrame, limitsOf, questionText } from './frames.js';
import { feedbackRow, messageItem } from './messages.js';
import { speechOf } from './strings.js';
import { buildView, showLauncher, speak } from './view.js';

// The connection's states, as the strings name them.
const STATES = ['connecting', 'online', 'reconnecting', 'idle', 'unavailable', 'refused'];

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
    this.conversation = new Conversation(server);
    this.limits = DEFAULT_LIMITS;
    // The last welcome's words, kept with the conversation: a reload speaks them before the server does again.
    this.speech = speechOf(this.conversation.speech);
    this.verdicts = new PendingVerdicts();
    // The questions the server said it is answering (its `typing`) and has not answered yet: it answers a
    // connection's questions in turn, so the dots stay while any of them waits, not only the first.
    this.typingFor = new Set();
    // What the buttons of a message do.
    this.actions = {
      ask: (text, how) => this.ask(text, how),
      retry: (message) => this.retry(message),
      judge: (message, helpful, row, comment) => this.judge(message, helpful, row, comment),
      canRetry: () => !this.connection?.refused,
      commentLength: this.limits.commentCharacters,
      strings: this.speech.strings,
    };
    this.view = buildView({
      title: options.title,
      speech: this.speech,
      position: options.position,
      accent: readableAccent(options.accent),
      stylesheet: new URL('widget/parley-widget.css', server).href,
      maxLength: this.limits.questionCharacters,
      toggle: () => (this.view.panel.hidden ? this.open() : this.close()),
      close: () => this.close(),
      askToStartOver: () => this.askToStartOver(),
      startOver: () => this.startOver(),
      cancelStartOver: () => this.cancelStartOver(),
      ask: (text) => this.ask(text),
    });
    this.host = this.view.host;
    document.body.append(this.host);

    this.conversation.messages.forEach((message) => this.show(message));
    this.connection = new ChatConnection(server, {
      onFrame: (frame) => this.receive(frame),
      onState: (state) => this.connectionState(state),
      wanted: () => !this.view.panel.hidden || this.conversation.isWaiting(),
    });
    this.connectionState('idle');
    if (this.conversation.open || options.open === 'true') {
      this.open({ focus: false });
    } else if (this.conversation.isWaiting()) {
      // A question was left unanswered: reconnect now so that it is asked again.
      this.connection.connect(this.conversation.sessionId);
    } else if (this.conversation.messages.length > 0) {
      // Resume the conversation's session, so the server knows it before the next question.
      this.connection.connect(this.conversation.sessionId);
    }
  }

  open({ focus = true } = {}) {
    this.view.panel.hidden = false;
    showLauncher(this.view, true);
    this.conversation.remember({ open: true });
    this.connection.connect(this.conversation.sessionId);
    this.scrollToEnd();
    if (focus) {
      this.view.input.focus();
    }
  }

  close() {
    const hadFocus = this.host.shadowRoot.activeElement !== null;
    this.view.panel.hidden = true;
    showLauncher(this.view, false);
    this.conversation.remember({ open: false });
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
    const id = this.conversation.nextId('c');
    if (this.connection.refused) {
      this.add({ role: 'user', text: question, id, intent, failed: true });
      return;
    }
    if (!this.connection.send(askFrame({ id, text: question, intent }))) {
      this.add({ role: 'notice', text: this.speech.strings['not-connected'] });
      return;
    }
    this.conversation.sent(id);
    this.add({ role: 'user', text: question, id, intent, pending: true });
  }

  /** A question that could not be sent, sent again by its Retry button. */
  retry(message) {
    if (!this.connection.send(askFrame(message))) {
      return;
    }
    this.conversation.sent(message.id);
    this.mark(message, { pending: true, failed: false });
  }

  /** Questions waiting to be sent when the server cannot be reached or refuses this page are not sent. */
  failWaitingQuestions() {
    this.conversation.waitingQuestions().forEach((message) => this.mark(message, { pending: false, failed: true }));
  }

  /** Changes a question's state, kept and shown. */
  mark(message, change) {
    this.conversation.change(message, change);
    this.view.messages.querySelector('[data-id="' + CSS.escape(message.id) + '"]')
      ?.replaceWith(messageItem(message, this.actions));
  }

  askToStartOver() {
    if (!this.conversation.hasQuestions()) {
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
    this.conversation.clear();
    this.stopTyping();
    this.view.messages.replaceChildren();
    this.connection.restart();
    this.view.input.focus();
  }

  /** Thumbs up or down on an answer (with an optional comment), shown as chosen once the server keeps it. */
  judge(message, helpful, row, comment) {
    if (!PendingVerdicts.changes(message, helpful, comment)) {
      return;
    }
    const id = this.conversation.nextId('f');
    const frame = feedbackFrame({ id, answerId: message.answerId, helpful, comment }, this.limits);
    if (!this.connection.send(frame)) {
      this.add({ role: 'notice', text: this.speech.strings['feedback-not-connected'] });
      return;
    }
    this.verdicts.add(frame.id, message, helpful, comment, row);
  }

  feedbackKept(id) {
    const verdict = this.verdicts.kept(id);
    if (!verdict) {
      return;
    }
    this.conversation.remember({});
    // The row on screen now, which may differ from the one clicked if an earlier confirmation redrew it.
    const row = this.view.messages.querySelector(
      `[data-answer-id="${CSS.escape(verdict.message.answerId)}"] .feedback`);
    (row || verdict.row).replaceWith(feedbackRow(verdict.message, this.actions));
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        // A new connection: what the old one was answering is asked again below, and typed for again.
        this.stopTyping();
        this.conversation.remember({ sessionId: frame.sessionId });
        this.obey(limitsOf(frame));
        this.speakAs(frame);
        if (this.conversation.messages.length === 0) {
          this.add({ role: 'bot', answer: this.options.greeting || frame.text, suggestions: frame.suggestions });
        }
        this.askAgainWhatWasNotAnswered();
        break;
      case 'typing':
        this.typingFor.add(frame.replyTo);
        this.showTyping();
        this.scrollToEnd();
        break;
      case 'answer':
        this.answered(frame.replyTo);
        this.doneTyping(frame.replyTo);
        this.add({
          role: 'bot', answer: frame.answer, answerId: frame.answerId, fallback: frame.fallback,
          clarification: frame.clarification, suggestions: frame.suggestions, sources: frame.sources,
          contact: frame.contact,
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
        this.doneTyping(frame.replyTo);
        this.add({ role: 'notice', text: frame.message });
        break;
      default:
        break;
    }
  }

  /** The server is done with question `id` (an error about no question ends no one's wait). */
  doneTyping(id) {
    this.typingFor.delete(id);
    this.showTyping();
  }

  /** A new connection or conversation: the server is typing for nothing of it. */
  stopTyping() {
    this.typingFor.clear();
    this.showTyping();
  }

  /** The dots show while the server is typing for any question. */
  showTyping() {
    this.view.typing.hidden = this.typingFor.size === 0;
  }

  /** The server's limits, from its welcome: the fields stop typing there, and what is sent is cut there. */
  obey(limits) {
    this.limits = limits;
    this.actions.commentLength = limits.commentCharacters;
    this.view.input.maxLength = limits.questionCharacters;
    this.view.messages.querySelectorAll('.comment-input')
      .forEach((field) => { field.maxLength = limits.commentCharacters; });
  }

  /**
   * The words, language and direction of the server's welcome: the frame and every message shown say them from
   * now on, and so does the next page load of this conversation.
   */
  speakAs(welcome) {
    const speech = speechOf(welcome);
    if (JSON.stringify(speech) === JSON.stringify(this.speech)) {
      return; // a reconnect: nothing to redraw, and a comment being written stays as it is
    }
    this.speech = speech;
    this.conversation.remember({ speech: { strings: this.speech.strings, language: this.speech.language,
      direction: this.speech.direction } });
    this.actions.strings = this.speech.strings;
    speak(this.view, this.speech);
    this.view.status.textContent = this.stateText(this.host.dataset.state);
    if (this.view.input.disabled) {
      this.view.input.placeholder = this.speech.strings['refused-placeholder'];
    }
    this.view.messages.replaceChildren(...this.conversation.messages.map((message) => messageItem(message,
      this.actions)));
  }

  stateText(state) {
    return STATES.includes(state) ? this.speech.strings['status-' + state] : state;
  }

  /** A question is no longer waiting once its answer (or an error about it) has come. */
  answered(id) {
    const question = this.conversation.find(id);
    if (question && question.pending) {
      this.mark(question, { pending: false });
    }
  }

  /**
   * Questions still waiting when the page was left (or the connection dropped mid-answer) are asked again when
   * the conversation resumes, so none is lost. The server answers each by the same id.
   */
  askAgainWhatWasNotAnswered() {
    this.conversation.toAskAgain().forEach((message) => this.connection.send(askFrame(message)));
  }

  connectionState(state) {
    this.host.dataset.state = state;
    this.view.status.textContent = this.stateText(state);
    if (state === 'unavailable') {
      this.failWaitingQuestions();
    } else if (state === 'refused') {
      // Every question not answered is not sent, and offers no retry: retrying cannot help on this page.
      this.conversation.messages.filter((message) => message.role === 'user' && (message.pending || message.failed))
        .forEach((message) => this.mark(message, { pending: false, failed: true }));
      if (!this.conversation.messages.at(-1)?.refused) {
        // Said by the widget itself: a page the server refuses gets nothing from the server.
        this.add({ role: 'notice', text: this.speech.strings.refused, refused: true });
      }
      this.view.input.disabled = true;
      this.view.sendButton.disabled = true;
      this.view.startOverButton.disabled = true;
      this.view.input.placeholder = this.speech.strings['refused-placeholder'];
    }
  }

  add(message) {
    this.show(this.conversation.add(message));
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

  scrollToEnd() {
    this.view.log.scrollTop = this.view.log.scrollHeight;
  }
}
