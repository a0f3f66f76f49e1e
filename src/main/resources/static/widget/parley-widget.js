// The Parley chat widget: a launcher bubble and a chat panel, isolated in a Shadow DOM so that the host page's CSS
// cannot break it and it cannot break the host page. User text is only ever set as textContent; answers go through
// the markdown sanitiser. No inline script or style anywhere, so it runs under a strict Content-Security-Policy.
import { ChatConnection } from './chat-connection.js';
import { ConversationStore } from './conversation-store.js';
import { renderMarkdown } from './markdown.js';

const STATE_TEXT = { connecting: 'Connecting…', online: 'Online', reconnecting: 'Reconnecting…' };
const MAX_LENGTH = 1000;

/**
 * Builds the widget on the page and connects it.
 * @param {{server: URL, options: Object<string,string>}} config the server and the script tag's data-* attributes
 * @returns {{open: function(), close: function(), ask: function(string)}} the JS API
 */
export function mount({ server, options }) {
  const widget = new ParleyWidget(server, options);
  return { open: () => widget.open(), close: () => widget.close(), ask: (text) => widget.ask(text) };
}

class ParleyWidget {
  constructor(server, options) {
    this.options = options;
    this.store = new ConversationStore(server);
    this.state = this.store.load();
    this.asked = 0;
    this.host = document.createElement('div');
    this.host.id = 'parley-widget';
    this.host.dataset.position = options.position === 'left' ? 'left' : 'right';
    if (options.accent && CSS.supports('color', options.accent)) {
      // CSSOM, not a style attribute: allowed under a strict style-src.
      this.host.style.setProperty('--parley-accent', options.accent);
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
    });
    this.connection.connect(this.state.sessionId);
    if (this.state.open || options.open === 'true') {
      this.open({ focus: false });
    }
  }

  render() {
    const root = element('div', 'parley');
    const title = this.options.title || 'Ask Parley';

    this.launcher = element('button', 'launcher');
    this.launcher.type = 'button';
    this.launcher.setAttribute('aria-label', 'Open chat: ' + title);
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-controls', 'parley-panel');
    this.launcher.append(icon());
    this.launcher.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()));

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
    const close = element('button', 'close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close chat');
    close.textContent = '×';
    close.addEventListener('click', () => this.close());
    header.append(heading, this.status, close);

    this.messages = element('ol', 'messages');
    this.messages.setAttribute('role', 'log');
    this.messages.setAttribute('aria-live', 'polite');
    this.messages.setAttribute('aria-label', 'Conversation');
    this.messages.tabIndex = 0;

    this.typing = element('div', 'typing');
    this.typing.hidden = true;
    this.typing.setAttribute('aria-label', 'Parley is typing');
    this.typing.append(element('span', 'dot'), element('span', 'dot'), element('span', 'dot'));

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
    form.append(label, this.input, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.ask(this.input.value);
      this.input.value = '';
    });

    this.panel.append(header, this.messages, this.typing, form);
    root.append(this.panel, this.launcher);
    return root;
  }

  open({ focus = true } = {}) {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.launcher.setAttribute('aria-label', 'Close chat');
    this.remember({ open: true });
    this.scrollToEnd();
    if (focus) {
      this.input.focus();
    }
  }

  close() {
    const hadFocus = this.host.shadowRoot.activeElement !== null;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-label', 'Open chat: ' + (this.options.title || 'Ask Parley'));
    this.remember({ open: false });
    if (hadFocus) {
      this.launcher.focus();
    }
  }

  ask(text) {
    const question = String(text ?? '').trim();
    if (!question) {
      return;
    }
    if (this.panel.hidden) {
      this.open();
    }
    this.asked += 1;
    const id = 'c' + Date.now().toString(36) + this.asked;
    this.add({ role: 'user', text: question.slice(0, MAX_LENGTH) });
    this.connection.send({ type: 'ask', id, text: question.slice(0, MAX_LENGTH) });
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        this.remember({ sessionId: frame.sessionId });
        if (this.state.messages.length === 0) {
          this.add({ role: 'bot', answer: this.options.greeting || frame.text, suggestions: frame.suggestions });
        }
        break;
      case 'typing':
        this.typing.hidden = false;
        this.scrollToEnd();
        break;
      case 'answer':
        this.typing.hidden = true;
        this.add({
          role: 'bot', answer: frame.answer, fallback: frame.fallback, suggestions: frame.suggestions,
          sources: frame.sources,
        });
        break;
      case 'error':
        this.typing.hidden = true;
        this.add({ role: 'notice', text: frame.message });
        break;
      default:
        break;
    }
  }

  connectionState(state) {
    this.host.dataset.state = state;
    this.status.textContent = STATE_TEXT[state] || state;
  }

  add(message) {
    const stamped = { ...message, time: new Date().toISOString() };
    this.state.messages.push(stamped);
    this.remember({});
    this.show(stamped);
  }

  show(message) {
    const item = element('li', 'message ' + message.role);
    const bubble = element('div', 'bubble');
    if (message.role === 'bot') {
      bubble.innerHTML = renderMarkdown(message.answer);
      if (message.fallback) {
        item.classList.add('fallback');
      }
    } else {
      bubble.textContent = message.text;
    }
    item.append(bubble);
    (message.sources || []).forEach((source) => item.append(sourceNote(source)));
    if (message.suggestions && message.suggestions.length) {
      const chips = element('div', 'chips');
      message.suggestions.forEach((suggestion) => {
        const chip = element('button', 'chip', suggestion.question);
        chip.type = 'button';
        chip.addEventListener('click', () => this.ask(suggestion.question));
        chips.append(chip);
      });
      item.append(chips);
    }
    if (message.time) {
      const time = element('time', 'time', new Date(message.time).toLocaleTimeString([], {
        hour: '2-digit', minute: '2-digit',
      }));
      time.dateTime = message.time;
      item.append(time);
    }
    this.messages.append(item);
    this.scrollToEnd();
  }

  remember(change) {
    Object.assign(this.state, change);
    this.store.save(this.state);
  }

  scrollToEnd() {
    this.messages.scrollTop = this.messages.scrollHeight;
  }
}

function sourceNote(source) {
  const details = element('details', 'source');
  details.append(element('summary', null, 'Source'));
  details.append(element('blockquote', null, source.excerpt));
  details.append(element('cite', null, source.document));
  return details;
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

function icon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}
