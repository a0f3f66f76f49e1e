// The widget's frame: its host element on the page with the Shadow DOM inside, the launcher and the chat panel around
// the conversation (header, start-over confirmation, the message log, the typing dots, the question field). What
// happens on a click is the controller's (parley-widget.js); the messages inside the log are drawn by messages.js.
import { el } from './dom.js';
import { chatIcon, closeIcon } from './icons.js';

/**
 * Builds the widget's DOM, wired to the actions given.
 * @param {{title: string, position: string, accent: (string|null), stylesheet: string, maxLength: number,
 *          toggle: function(), close: function(), askToStartOver: function(), startOver: function(),
 *          cancelStartOver: function(), ask: function(string)}} actions
 * @returns the host to append to the page and the parts the controller changes later
 */
export function buildView({ title, position, accent, stylesheet, maxLength, toggle, close, askToStartOver, startOver,
  cancelStartOver, ask }) {
  // One control opens and closes the chat: while the chat is open it is its close button, so there is never a
  // second one. It comes before the panel it controls, for screen readers and the tab order alike.
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-controls': 'parley-panel' },
    chatIcon(), closeIcon());
  launcher.addEventListener('click', toggle);

  const panel = el('section', { class: 'panel', id: 'parley-panel', hidden: true, role: 'dialog',
    'aria-labelledby': 'parley-title' });
  onEscape(panel, close);

  const status = el('span', { class: 'status', role: 'status' });
  const startOverButton = el('button', { class: 'start-over', type: 'button', title: 'Start a new conversation',
    text: 'New chat' });
  startOverButton.addEventListener('click', askToStartOver);
  const header = el('header', { class: 'header' }, el('h2', { class: 'title', id: 'parley-title', text: title }),
    status, startOverButton);

  // Asked before a conversation is cleared, in the panel rather than a browser dialog that stops the host page.
  const yes = el('button', { class: 'confirm-yes', type: 'button', text: 'Start over' });
  yes.addEventListener('click', startOver);
  const no = el('button', { class: 'confirm-no', type: 'button', text: 'Cancel' });
  no.addEventListener('click', cancelStartOver);
  const confirm = el('div', { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'parley-confirm-text' },
    el('p', { class: 'confirm-text', id: 'parley-confirm-text',
      text: 'Start a new conversation? This one will be cleared.' }), yes, no);
  onEscape(confirm, cancelStartOver);

  // The log region announces new messages; the list inside keeps list semantics for screen readers.
  const messages = el('ol', { class: 'messages' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation',
    tabindex: 0 }, messages);

  const typing = el('div', { class: 'typing', hidden: true, role: 'status' },
    el('span', { class: 'visually-hidden', text: 'Parley is typing' }),
    el('span', { class: 'dot' }), el('span', { class: 'dot' }), el('span', { class: 'dot' }));

  const input = el('input', { class: 'input', id: 'parley-input', type: 'text', maxlength: maxLength,
    autocomplete: 'off', placeholder: 'Ask a question…' });
  const sendButton = el('button', { class: 'send', type: 'submit', text: 'Send' });
  const form = el('form', { class: 'composer' },
    el('label', { class: 'visually-hidden', for: 'parley-input', text: 'Your question' }), input, sendButton);
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
  const view = { host, launcher, launcherLabel: 'Chat: ' + title, panel, status, startOverButton, confirm, log,
    messages, typing, input, sendButton };
  showLauncher(view, false);
  return view;
}

/** The launcher as the control that opens the chat, or (while it is open) closes it. */
export function showLauncher(view, open) {
  const label = open ? 'Close chat' : view.launcherLabel;
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
