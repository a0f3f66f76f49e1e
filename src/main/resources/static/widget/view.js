// The widget's frame: its host element on the page with the Shadow DOM inside, the launcher and the chat panel around
// the conversation (header, start-over confirmation, the message log, the typing dots, the question field). What
// happens on a click is the controller's (parley-widget.js); the messages inside the log are drawn by messages.js.
import { el } from './dom.js';
import { chatIcon, closeIcon } from './icons.js';
import { withTitle } from './strings.js';

/**
 * Builds the widget's DOM, wired to the actions given.
 * @param {{title: (string|undefined), speech: {strings: Object<string,string>, language: (string|null),
 *          direction: string}, position: string, accent: (string|null), stylesheet: string, maxLength: number,
 *          toggle: function(), close: function(), askToStartOver: function(), startOver: function(),
 *          cancelStartOver: function(), ask: function(string)}} actions title: the page's own (data-title), if any
 * @returns the host to append to the page and the parts the controller changes later
 */
export function buildView({ title, speech, position, accent, stylesheet, maxLength, toggle, close, askToStartOver,
  startOver, cancelStartOver, ask }) {
  // One control opens and closes the chat: while the chat is open it is its close button, so there is never a
  // second one. It comes before the panel it controls, for screen readers and the tab order alike.
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-controls': 'parley-panel' },
    chatIcon(), closeIcon());
  launcher.addEventListener('click', toggle);

  const panel = el('section', { class: 'panel', id: 'parley-panel', hidden: true, role: 'dialog',
    'aria-labelledby': 'parley-title' });
  onEscape(panel, close);

  const status = el('span', { class: 'status', role: 'status' });
  const startOverButton = el('button', { class: 'start-over', type: 'button' });
  startOverButton.addEventListener('click', askToStartOver);
  const heading = el('h2', { class: 'title', id: 'parley-title' });
  const header = el('header', { class: 'header' }, heading, status, startOverButton);

  // Asked before a conversation is cleared, in the panel rather than a browser dialog that stops the host page.
  const yes = el('button', { class: 'confirm-yes', type: 'button' });
  yes.addEventListener('click', startOver);
  const no = el('button', { class: 'confirm-no', type: 'button' });
  no.addEventListener('click', cancelStartOver);
  const confirmText = el('p', { class: 'confirm-text', id: 'parley-confirm-text' });
  const confirm = el('div', { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'parley-confirm-text' },
    confirmText, yes, no);
  onEscape(confirm, cancelStartOver);

  // The log region announces new messages; the list inside keeps list semantics for screen readers.
  const messages = el('ol', { class: 'messages' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', tabindex: 0 }, messages);

  const typingText = el('span', { class: 'visually-hidden' });
  const typing = el('div', { class: 'typing', hidden: true, role: 'status' }, typingText,
    el('span', { class: 'dot' }), el('span', { class: 'dot' }), el('span', { class: 'dot' }));

  const input = el('input', { class: 'input', id: 'parley-input', type: 'text', maxlength: maxLength,
    autocomplete: 'off' });
  const sendButton = el('button', { class: 'send', type: 'submit' });
  const inputLabel = el('label', { class: 'visually-hidden', for: 'parley-input' });
  const form = el('form', { class: 'composer' }, inputLabel, input, sendButton);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask(input.value);
    input.value = '';
  });

  panel.append(header, confirm, log, typing, form);
  const root = el('div', { class: 'parley' }, launcher, panel);

  // A custom element: host-page rules aimed at div or section never match it.
  const host = el('parley-chat', { id: 'parley-widget', 'data-position': position === 'left' ? 'left' : 'right' });
  if (accent) {
    // CSSOM, not a style attribute: allowed under a strict style-src.
    host.style.setProperty('--parley-accent', accent);
  }
  host.attachShadow({ mode: 'open' }).append(el('link', { rel: 'stylesheet', href: stylesheet }), root);
  const view = { host, root, launcher, ownTitle: title, panel, status, startOverButton, confirm, confirmText, yes, no,
    heading, log, messages, typing, typingText, input, inputLabel, sendButton };
  speak(view, speech);
  return view;
}

/**
 * Says every string of the frame in the language given, and sets the root's language and direction, which the
 * stylesheet's logical properties mirror the layout by. The messages are the controller's to redraw.
 */
export function speak(view, speech) {
  const { strings } = speech;
  view.strings = strings;
  view.title = view.ownTitle || strings.title;
  if (speech.language) {
    view.root.lang = speech.language;
  } else {
    view.root.removeAttribute('lang');
  }
  view.root.dir = speech.direction;
  view.heading.textContent = view.title;
  view.startOverButton.title = strings['new-chat-hint'];
  view.startOverButton.textContent = strings['new-chat'];
  view.confirmText.textContent = strings['confirm-new-chat'];
  view.yes.textContent = strings['confirm-yes'];
  view.no.textContent = strings['confirm-no'];
  view.log.setAttribute('aria-label', strings.conversation);
  view.typingText.textContent = strings.typing;
  view.input.placeholder = strings.placeholder;
  view.inputLabel.textContent = strings['question-label'];
  view.sendButton.textContent = strings.send;
  showLauncher(view, view.host.dataset.open === 'true');
}

/** The launcher as the control that opens the chat, or (while it is open) closes it. */
export function showLauncher(view, open) {
  const label = open ? view.strings.close : withTitle(view.strings.open, view.title);
  view.launcher.setAttribute('aria-expanded', String(open));
  view.launcher.setAttribute('aria-label', label);
  view.launcher.title = label;
  view.host.dataset.open = String(open);
}

function onEscape(element, action) {
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      action();
    }
  });
}
