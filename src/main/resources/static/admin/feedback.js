// Intents by traffic and by negative feedback, and the recent feedback itself.
import { el } from '../widget/dom.js';
import { getJson } from './api.js';
import { dateTime, percent } from './format.js';

/** Fills a table with the intents of a period, by traffic or (sort = negative) by thumbs down. */
export async function loadIntentTable(table, days, sort) {
  const report = await getJson(`/api/v1/admin/intent-stats?days=${days}&sort=${sort}`);
  const rows = sort === 'negative' ? report.intents.filter((intent) => intent.notHelpful > 0) : report.intents;
  const caption = sort === 'negative' ? 'Intents with thumbs down, most first' : 'Intents by times answered';
  table.replaceChildren(el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, ...['Intent', 'Answered', 'Helpful', 'Not helpful', 'Negative rate']
      .map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, ...(rows.length ? rows.map((intent) => el('tr', {},
      el('th', { scope: 'row' }, el('span', { class: 'intent-id', text: intent.intent }),
        intent.question ? el('span', { class: 'intent-question', text: intent.question }) : null),
      el('td', { text: String(intent.answered) }), el('td', { text: String(intent.helpful) }),
      el('td', { text: String(intent.notHelpful) }),
      el('td', { text: percent(intent.negativeRate) })))
      : [el('tr', {}, el('td', { colspan: 5, class: 'empty',
        text: sort === 'negative' ? 'No thumbs down in this period.' : 'No answers in this period.' }))])));
}

/**
 * Lists the latest feedback of a period.
 * @param {{list: Element, empty: Element}} parts where it goes, and the line shown when there is none
 */
export async function loadFeedback(parts, days) {
  const report = await getJson(`/api/v1/admin/feedback?days=${days}&limit=50`);
  parts.empty.hidden = report.feedback.length > 0;
  parts.list.replaceChildren(...report.feedback.map((entry) => el('li',
    { class: entry.helpful ? 'up' : 'down' },
    // A word, not an emoji: it reads the same to a screen reader and needs no emoji font.
    el('span', { class: 'verdict', text: entry.helpful ? 'Helpful' : 'Not helpful' }),
    el('div', {},
      el('p', { class: 'question', text: entry.question ?? '(question text not stored)' }),
      el('p', { class: 'meta', text: `${entry.intent ? `Answered with ${entry.intent}` : 'Fallback'} · `
        + dateTime(entry.givenAt) }),
      entry.comment ? el('blockquote', { text: entry.comment }) : null))));
}
