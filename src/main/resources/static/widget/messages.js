// One message of the conversation as a list item: the user's text (as text, never HTML), or the bot's answer
// (markdown, only through the sanitiser) with its sources, suggestion chips and feedback thumbs; a notice from
// the widget; and whether a question is on its way or was not sent.
import { el } from './dom.js';
import { thumbIcon } from './icons.js';
import { renderMarkdown } from './markdown.js';

/**
 * @param {object} message a message of the conversation, as kept in storage
 * @param {{ask: function(string, object), retry: function(object), judge: function(object, boolean, Element, string=),
 *          canRetry: function(): boolean, commentLength: number, strings: Object<string,string>}} actions what its
 *        buttons do, and the widget's strings to say
 */
export function messageItem(message, actions) {
  const strings = actions.strings;
  const item = el('li', { class: 'message ' + message.role, 'data-id': message.id });
  if (message.pending) {
    item.classList.add('pending');
  }
  if (message.failed) {
    item.classList.add('failed');
  }
  // Who said it, for screen readers; sighted users see it from the bubble's side and colour.
  const bubble = el('div', { class: 'bubble' },
    el('span', { class: 'visually-hidden', text: (message.role === 'user' ? strings.you : strings.bot) + ' ' }));
  if (message.role === 'bot') {
    bubble.append(renderMarkdown(message.answer));
    if (message.fallback) {
      item.classList.add('fallback');
    }
  } else {
    bubble.append(message.text);
  }
  item.append(bubble);
  const contact = contactLink(message.contact);
  if (contact) {
    item.append(contact);
  }
  (message.sources || []).forEach((source) => item.append(sourceNote(source, strings)));
  if (message.suggestions && message.suggestions.length) {
    item.append(el('div', { class: 'chips' }, ...message.suggestions.map((suggestion) => {
      const chip = el('button', { class: 'chip', type: 'button', text: suggestion.question });
      chip.addEventListener('click', () => actions.ask(suggestion.question, { intent: suggestion.intent }));
      return chip;
    })));
  }
  if (message.answerId) {
    item.dataset.answerId = message.answerId;
    item.append(feedbackRow(message, actions));
  }
  if (message.time) {
    item.append(el('time', { class: 'time', datetime: message.time,
      text: new Date(message.time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }));
  }
  if (message.pending) {
    item.append(el('span', { class: 'delivery', text: strings.sending }));
  } else if (message.failed) {
    const failed = el('span', { class: 'delivery', text: strings['not-sent'] });
    item.append(failed);
    if (actions.canRetry()) {
      const retry = el('button', { class: 'retry', type: 'button', text: strings.retry });
      retry.addEventListener('click', () => actions.retry(message));
      failed.append(' ', retry);
    }
  }
  return item;
}

/** The thumbs under an answer; after a thumbs down, a line to say what was missing. */
export function feedbackRow(message, actions) {
  const strings = actions.strings;
  const row = el('div', { class: 'feedback', role: 'group', 'aria-label': strings['feedback-question'] });
  [[true, strings.helpful], [false, strings['not-helpful']]].forEach(([helpful, label]) => {
    // Strings: el() leaves out an attribute whose value is false.
    const button = el('button', { class: 'thumb', type: 'button', 'data-helpful': String(helpful), title: label,
      'aria-label': label, 'aria-pressed': String(message.helpful === helpful) }, thumbIcon(helpful));
    button.addEventListener('click', () => actions.judge(message, helpful, row));
    row.append(button);
  });
  if (message.helpful === false && !message.commented) {
    row.append(commentForm(message, row, actions));
  } else if (message.commented) {
    row.append(el('span', { class: 'thanks', text: strings.thanks }));
  }
  return row;
}

function commentForm(message, row, actions) {
  const strings = actions.strings;
  const send = el('button', { class: 'comment-send', type: 'submit', text: strings['comment-send'] });
  // A text area that wraps and grows with what is written, up to a few lines, then scrolls.
  const input = el('textarea', { class: 'comment-input', rows: 2, maxlength: actions.commentLength,
    placeholder: strings['comment-placeholder'], 'aria-label': strings['comment-placeholder'] });
  input.addEventListener('input', () => {
    fitHeight(input);
    send.scrollIntoView({ block: 'nearest' });
  });
  const form = el('form', { class: 'comment' }, input, send);
  // Enter sends, as in the question field; Shift+Enter starts a new line.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) {
      actions.judge(message, false, row, input.value.trim());
    }
  });
  return form;
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
function sourceNote(source, strings) {
  const details = el('details', { class: 'source' }, el('summary', { text: strings.source }),
    el('blockquote', { text: source.excerpt }));
  if (source.title) {
    const href = webLink(source.url);
    details.append(el('cite', {}, href
      ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text: source.title })
      : source.title));
  }
  return details;
}

/**
 * The way to a person that a fallback, or the answer to a request for one, carries: its label as a link, opened in
 * a new tab; nothing when it is missing or its address is no http, https or mailto URL.
 */
function contactLink(contact) {
  if (!contact || typeof contact.label !== 'string' || !contact.label) {
    return null;
  }
  const href = webLink(contact.url, ['http:', 'https:', 'mailto:']);
  return href ? el('p', { class: 'contact' }, el('a', { href, target: '_blank', rel: 'noopener noreferrer',
    text: contact.label })) : null;
}

/** The URL if it is an absolute one of these schemes; anything else (javascript:, data:, relative) is not linked. */
function webLink(url, schemes = ['http:', 'https:']) {
  if (typeof url !== 'string') {
    return null;
  }
  try {
    const parsed = new URL(url);
    return schemes.includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
