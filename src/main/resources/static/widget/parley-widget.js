// The Parley chat widget: a launcher bubble and a chat panel, isolated in a Shadow DOM so that the host page's CSS
// cannot break it and it cannot break the host page. User text is only ever set as textContent; answers go through
// the markdown sanitiser. No inline script or style anywhere, so it runs under a strict Content-Security-Policy.
import { ChatConnection } from './chat-connection.js';
import { ConversationStore } from './conversation-store.js';
import { renderMarkdown } from './markdown.js';

const STATE_TEXT = {
  connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…', idle: 'Not connected',
  unavailable: 'Cannot reach the server', refused: 'Not available here',
};
// Said by the widget itself: a page the server refuses gets nothing from the server.
const REFUSED_TEXT = 'Sorry, the chat is not available on this page.';
const MAX_LENGTH = 1000;

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
    this.asked = 0;
    this.sentAgain = new Set();
    // Feedback frames sent and not yet confirmed, by frame id: a thumb shows as chosen only once the server kept it.
    this.feedbackSent = new Map();
    // A custom element: host-page rules aimed at div or section never match it.
    this.host = document.createElement('parley-chat');
    this.host.id = 'parley-widget';
    this.host.dataset.position = options.position === 'left' ? 'left' : 'right';
    const accent = readableAccent(options.accent);
    if (accent) {
      // CSSOM, not a style attribute: allowed under a strict style-src.
      this.host.style.setProperty('--parley-accent', accent);
    }
    const shadow = this.host.attachShadow({ mode: 'open' });
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = new URL('widget/parley-widget.css', server).href;
    shadow.append(stylesheet, this.render());
    document.body.append(this.host);

    this.state.messages.forEach((message) => this.show(message));
    this.connection = new ChatConnection(server, {
      onFrame: (frame) => this.receive(frame),
      onState: (state) => this.connectionState(state),
      wanted: () => !this.panel.hidden || this.state.messages.some((message) => message.pending),
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

  render() {
    const root = element('div', 'parley');
    const title = this.options.title || 'Ask Parley';

    // One control opens and closes the chat: while the chat is open it is its close button, so there is never a
    // second one. It comes before the panel it controls, for screen readers and the tab order alike.
    this.launcher = element('button', 'launcher');
    this.launcher.type = 'button';
    this.launcher.setAttribute('aria-controls', 'parley-panel');
    this.launcherLabel = 'Chat: ' + title;
    this.launcher.append(chatIcon(), closeIcon());
    this.launcher.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()));
    this.showLauncher(false);

    this.panel = element('section', 'panel');
    this.panel.id = 'parley-panel';
    this.panel.hidden = true;
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-labelledby', 'parley-title');
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
      }
    });

    const header = element('header', 'header');
    const heading = element('h2', 'title', title);
    heading.id = 'parley-title';
    this.status = element('span', 'status', STATE_TEXT.connecting);
    this.status.setAttribute('role', 'status');
    this.startOverButton = element('button', 'start-over', 'New chat');
    this.startOverButton.type = 'button';
    this.startOverButton.title = 'Start a new conversation';
    this.startOverButton.addEventListener('click', () => this.askToStartOver());
    header.append(heading, this.status, this.startOverButton);

    // Asked before a conversation is cleared, in the panel rather than a browser dialog that stops the host page.
    this.confirm = element('div', 'confirm');
    this.confirm.hidden = true;
    this.confirm.setAttribute('role', 'group');
    this.confirm.setAttribute('aria-labelledby', 'parley-confirm-text');
    const question = element('p', 'confirm-text', 'Start a new conversation? This one will be cleared.');
    question.id = 'parley-confirm-text';
    const yes = element('button', 'confirm-yes', 'Start over');
    yes.type = 'button';
    yes.addEventListener('click', () => this.startOver());
    const no = element('button', 'confirm-no', 'Cancel');
    no.type = 'button';
    no.addEventListener('click', () => this.cancelStartOver());
    this.confirm.append(question, yes, no);
    this.confirm.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.cancelStartOver();
      }
    });

    // The log region announces new messages; the list inside keeps list semantics for screen readers.
    this.log = element('div', 'log');
    this.log.setAttribute('role', 'log');
    this.log.setAttribute('aria-live', 'polite');
    this.log.setAttribute('aria-label', 'Conversation');
    this.log.tabIndex = 0;
    this.messages = element('ol', 'messages');
    this.log.append(this.messages);

    this.typing = element('div', 'typing');
    this.typing.hidden = true;
    this.typing.setAttribute('role', 'status');
    this.typing.append(element('span', 'visually-hidden', 'Parley is typing'),
      element('span', 'dot'), element('span', 'dot'), element('span', 'dot'));

    const form = element('form', 'composer');
    const label = element('label', 'visually-hidden', 'Your question');
    label.htmlFor = 'parley-input';
    this.input = element('input', 'input');
    this.input.id = 'parley-input';
    this.input.type = 'text';
    this.input.maxLength = MAX_LENGTH;
    this.input.autocomplete = 'off';
    this.input.placeholder = 'Ask a question…';
    const send = element('button', 'send', 'Send');
    send.type = 'submit';
    this.sendButton = send;
    form.append(label, this.input, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.input.value);
      this.input.value = '';
    });

    this.panel.append(header, this.confirm, this.log, this.typing, form);
    root.append(this.launcher, this.panel);
    return root;
  }

  showLauncher(open) {
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? 'Close chat' : this.launcherLabel);
    this.launcher.title = open ? 'Close chat' : this.launcherLabel;
    this.host.dataset.open = String(open);
  }

  open({ focus = true } = {}) {
    this.panel.hidden = false;
    this.showLauncher(true);
    this.remember({ open: true });
    this.connection.connect(this.state.sessionId);
    this.scrollToEnd();
    if (focus) {
      this.input.focus();
    }
  }

  close() {
    const hadFocus = this.host.shadowRoot.activeElement !== null;
    this.panel.hidden = true;
    this.showLauncher(false);
    this.remember({ open: false });
    if (hadFocus) {
      this.launcher.focus();
    }
  }

  /** Asks a question; `intent` when it is a suggestion the user picked, so the server need not guess. */
  ask(text, { focus = true, intent } = {}) {
    const question = firstCharacters(String(text ?? '').trim(), MAX_LENGTH);
    if (!question) {
      return;
    }
    if (this.panel.hidden) {
      this.open({ focus });
    }
    this.asked += 1;
    const id = 'c' + Date.now().toString(36) + this.asked;
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
    this.messages.querySelector('[data-id="' + CSS.escape(message.id) + '"]')?.replaceWith(this.item(message));
  }

  askToStartOver() {
    if (!this.state.messages.some((message) => message.role === 'user')) {
      this.startOver();
      return;
    }
    this.confirm.hidden = false;
    this.confirm.querySelector('.confirm-yes').focus();
  }

  cancelStartOver() {
    this.confirm.hidden = true;
    this.startOverButton.focus();
  }

  /**
   * A new conversation: the one shown is cleared from the page and from its storage, and a new session starts, so
   * the server reads nothing that follows in the light of what was said before.
   */
  startOver() {
    this.confirm.hidden = true;
    this.feedbackSent.clear();
    this.sentAgain.clear();
    this.typing.hidden = true;
    this.messages.replaceChildren();
    this.state.messages = [];
    this.remember({ sessionId: null });
    this.connection.restart();
    this.input.focus();
  }

  /**
   * Thumbs up or down on an answer (with an optional comment): sent to the server, and shown as chosen (and kept
   * with the conversation) when the server confirms it. A refused one (e.g. rate-limited) leaves the thumbs as they
   * were, with the server's reason as a notice. A later verdict on the same answer replaces the earlier one.
   */
  judge(message, helpful, row, comment) {
    if (message.helpful === helpful && !comment) {
      // The same thumb again: resending it would replace the comment already given with none.
      return;
    }
    this.asked += 1;
    const frame = { type: 'feedback', id: 'f' + Date.now().toString(36) + this.asked, answerId: message.answerId,
      helpful };
    if (comment) {
      frame.comment = firstCharacters(comment, MAX_LENGTH);
    }
    if (!this.connection.send(frame)) {
      this.add({ role: 'notice', text: 'Not connected yet, so your feedback was not sent. Please try again.' });
      return;
    }
    this.feedbackSent.set(frame.id, { message, helpful, commented: Boolean(comment), row });
  }

  feedbackKept(id) {
    const sent = this.feedbackSent.get(id);
    if (!sent) {
      return;
    }
    this.feedbackSent.delete(id);
    sent.message.helpful = sent.helpful;
    sent.message.commented = sent.commented;
    this.remember({});
    // The row on screen now, which may differ from the one clicked if an earlier confirmation redrew it.
    const row = this.messages.querySelector(`[data-answer-id="${CSS.escape(sent.message.answerId)}"] .feedback`);
    (row || sent.row).replaceWith(this.feedbackButtons(sent.message));
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        this.remember({ sessionId: frame.sessionId });
        if (this.state.messages.length === 0) {
          this.add({ role: 'bot', answer: this.options.greeting || frame.text, suggestions: frame.suggestions });
        }
        this.askAgainWhatWasNotAnswered();
        break;
      case 'typing':
        this.typing.hidden = false;
        this.scrollToEnd();
        break;
      case 'answer':
        this.answered(frame.replyTo);
        this.typing.hidden = true;
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
          this.feedbackSent.delete(frame.replyTo);
        }
        this.typing.hidden = true;
        this.add({ role: 'notice', text: frame.message });
        break;
      default:
        break;
    }
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
    this.status.textContent = STATE_TEXT[state] || state;
    if (state === 'unavailable') {
      this.failWaitingQuestions();
    } else if (state === 'refused') {
      // Every question not answered is not sent, and offers no retry: retrying cannot help on this page.
      this.state.messages.filter((message) => message.role === 'user' && (message.pending || message.failed))
        .forEach((message) => this.mark(message, { pending: false, failed: true }));
      if (!this.state.messages.at(-1)?.refused) {
        this.add({ role: 'notice', text: REFUSED_TEXT, refused: true });
      }
      this.input.disabled = true;
      this.sendButton.disabled = true;
      this.startOverButton.disabled = true;
      this.input.placeholder = 'Chat is not available here';
    }
  }

  add(message) {
    const stamped = { ...message, time: new Date().toISOString() };
    this.state.messages.push(stamped);
    this.remember({});
    this.show(stamped);
  }

  show(message) {
    const item = this.item(message);
    this.messages.append(item);
    // A long answer is read from its start: scroll its top into view rather than to its end.
    if (message.role === 'bot' && item.offsetHeight > this.log.clientHeight) {
      this.log.scrollTop = item.offsetTop - this.messages.offsetTop;
    } else {
      this.scrollToEnd();
    }
  }

  item(message) {
    const item = element('li', 'message ' + message.role);
    if (message.id) {
      item.dataset.id = message.id;
    }
    if (message.pending) {
      item.classList.add('pending');
    }
    if (message.failed) {
      item.classList.add('failed');
    }
    const bubble = element('div', 'bubble');
    // Who said it, for screen readers; sighted users see it from the bubble's side and colour.
    bubble.append(element('span', 'visually-hidden', message.role === 'user' ? 'You: ' : 'Parley: '));
    if (message.role === 'bot') {
      bubble.append(renderMarkdown(message.answer));
      if (message.fallback) {
        item.classList.add('fallback');
      }
    } else {
      bubble.append(document.createTextNode(message.text));
    }
    item.append(bubble);
    (message.sources || []).forEach((source) => item.append(sourceNote(source)));
    if (message.suggestions && message.suggestions.length) {
      const chips = element('div', 'chips');
      message.suggestions.forEach((suggestion) => {
        const chip = element('button', 'chip', suggestion.question);
        chip.type = 'button';
        chip.addEventListener('click', () => this.ask(suggestion.question, { intent: suggestion.intent }));
        chips.append(chip);
      });
      item.append(chips);
    }
    if (message.answerId) {
      item.dataset.answerId = message.answerId;
      item.append(this.feedbackButtons(message));
    }
    if (message.time) {
      const time = element('time', 'time', new Date(message.time).toLocaleTimeString([], {
        hour: '2-digit', minute: '2-digit',
      }));
      time.dateTime = message.time;
      item.append(time);
    }
    if (message.pending) {
      item.append(element('span', 'delivery', 'sending…'));
    } else if (message.failed) {
      const failed = element('span', 'delivery', 'Not sent');
      item.append(failed);
      if (!this.connection?.refused) {
        const retry = element('button', 'retry', 'Retry');
        retry.type = 'button';
        retry.addEventListener('click', () => this.retry(message));
        failed.append(' ', retry);
      }
    }
    return item;
  }

  /** The thumbs under an answer; after a thumbs down, a line to say what was missing. */
  feedbackButtons(message) {
    const row = element('div', 'feedback');
    row.setAttribute('role', 'group');
    row.setAttribute('aria-label', 'Was this answer helpful?');
    [[true, 'Helpful'], [false, 'Not helpful']].forEach(([helpful, label]) => {
      const button = element('button', 'thumb');
      // Drawn, not an emoji: many systems (and headless browsers) have no emoji font.
      button.append(thumbIcon(helpful));
      button.type = 'button';
      button.dataset.helpful = String(helpful);
      button.title = label;
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-pressed', String(message.helpful === helpful));
      button.addEventListener('click', () => this.judge(message, helpful, row));
      row.append(button);
    });
    if (message.helpful === false && !message.commented) {
      const form = element('form', 'comment');
      const send = element('button', 'comment-send', 'Send');
      send.type = 'submit';
      // A text area that wraps and grows with what is written, up to a few lines, then scrolls.
      const input = element('textarea', 'comment-input');
      input.rows = 2;
      input.maxLength = MAX_LENGTH;
      input.placeholder = 'What was missing? (optional)';
      input.setAttribute('aria-label', 'What was missing? (optional)');
      input.addEventListener('input', () => {
        fitHeight(input);
        send.scrollIntoView({ block: 'nearest' });
      });
      // Enter sends, as in the question field; Shift+Enter starts a new line.
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          form.requestSubmit();
        }
      });
      form.append(input, send);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (input.value.trim()) {
          this.judge(message, false, row, input.value.trim());
        }
      });
      row.append(form);
    } else if (message.commented) {
      row.append(element('span', 'thanks', 'Thanks for telling us.'));
    }
    return row;
  }

  remember(change) {
    Object.assign(this.state, change);
    this.store.save(this.state);
  }

  scrollToEnd() {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

/**
 * The accent colour asked for, if white text stays readable on it (WCAG AA, 4.5:1): it is the background of white
 * text and the colour of links and chips. Anything else keeps the default, with a console warning.
 */
function readableAccent(requested) {
  if (!requested) {
    return null;
  }
  let resolved = null;
  if (CSS.supports('color', requested)) {
    // The colour as the browser resolves it (rgb or rgba), so keywords such as currentcolor become a real colour.
    const probe = document.createElement('span');
    probe.style.color = requested;
    document.body.append(probe);
    resolved = getComputedStyle(probe).color;
    probe.remove();
  }
  const [r, g, b, alpha = 1] = resolved?.match(/[\d.]+/g)?.map(Number) ?? [];
  const linear = [r, g, b].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const contrastWithWhite = 1.05 / (0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] + 0.05);
  if (!resolved || alpha < 1 || !(contrastWithWhite >= 4.5)) {
    console.warn('Parley: data-accent "' + requested + '" is not an opaque colour with 4.5:1 contrast to white;'
      + ' using the default accent.');
    return null;
  }
  return resolved;
}

/**
 * The first `max` characters of `text`, counted as the server counts them (Unicode code points): String.slice counts
 * UTF-16 units and could cut an emoji in half, which the server then refuses as malformed text.
 */
function firstCharacters(text, max) {
  const characters = Array.from(text);
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

function askFrame({ id, text, intent }) {
  return intent ? { type: 'ask', id, text, intent } : { type: 'ask', id, text };
}

/** Grows a text area to show all it holds (its CSS max-height caps it). CSSOM, allowed under a strict style-src. */
function fitHeight(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = textarea.scrollHeight + (textarea.offsetHeight - textarea.clientHeight) + 'px';
}

/**
 * The passage an answer quotes, and its document's title, linked where the document has a web address. The file name
 * (source.document) is for programs and never shown; a source kept from before titles existed shows none.
 */
function sourceNote(source) {
  const details = element('details', 'source');
  details.append(element('summary', null, 'Source'));
  details.append(element('blockquote', null, source.excerpt));
  if (source.title) {
    const cite = element('cite');
    const href = webLink(source.url);
    if (href) {
      const link = element('a', null, source.title);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      cite.append(link);
    } else {
      cite.textContent = source.title;
    }
    details.append(cite);
  }
  return details;
}

/** The URL if it is an absolute http or https one; anything else (javascript:, data:, relative) is not linked. */
function webLink(url) {
  if (typeof url !== 'string') {
    return null;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A thumb pointing up, or the same turned upside down. */
function thumbIcon(up) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'thumb-icon');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M2 21h4V9H2v12zM22 10a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.5-1.1L13.2 1 7.6 6.6C7.2 7 '
    + '7 7.5 7 8v11a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7c.1-.2.2-.5.2-.8v-2z');
  if (!up) {
    path.setAttribute('transform', 'rotate(180 12 12)');
  }
  svg.append(path);
  return svg;
}

/** The launcher's two faces: a speech bubble while the chat is closed, a cross while it is open. */
function chatIcon() {
  return launcherIcon('icon-chat', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
}

function closeIcon() {
  return launcherIcon('icon-close', 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 '
    + '5 6.4z');
}

function launcherIcon(className, d) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}
