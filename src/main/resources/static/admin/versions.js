// Knowledge versions compared: what each version (and classifier) replied in the period, so that a publish or a
// rollback can be judged by what it did. Every stored exchange names the version that replied to it.
import { el } from '../widget/dom.js';
import { getJson } from './api.js';
import { dateTime, percent } from './format.js';

const HEADINGS = ['Version', 'Classifier', 'Questions', 'Answered', 'Fallbacks', 'Did you mean', 'Helpful',
  'Not helpful', 'Negative rate'];

/** Fills a table with one row per knowledge version and classifier that replied in the period, latest first. */
export async function loadVersionTable(table, days) {
  const report = await getJson(`/api/v1/admin/version-stats?days=${days}`);
  const caption = 'Knowledge versions, most recently asked first';
  table.replaceChildren(el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, ...HEADINGS.map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, ...(report.versions.length ? report.versions.map(row)
      : [el('tr', {}, el('td', { colspan: HEADINGS.length, class: 'empty', text: 'No questions in this period.' }))])));
}

function row(stats) {
  return el('tr', stats.inService ? { class: 'in-service' } : {},
    el('th', { scope: 'row' }, versionCell(stats)),
    el('td', { text: stats.classifier ?? '–' }),
    el('td', { text: String(stats.questions) }),
    el('td', { text: String(stats.answered) }),
    el('td', { text: `${stats.fallbacks} (${percent(stats.fallbackRate)})` }),
    el('td', { text: String(stats.clarifications) }),
    el('td', { text: String(stats.helpful) }),
    el('td', { text: String(stats.notHelpful) }),
    el('td', { text: percent(stats.negativeRate) }));
}

function versionCell(stats) {
  if (stats.version === null) {
    return el('span', { class: 'intent-question', text: 'Before versions were recorded' });
  }
  return el('span', {},
    el('span', { class: 'intent-id', text: stats.version.slice(0, 12), title: stats.version }),
    stats.inService ? el('span', { class: 'badge', text: 'in service' }) : null,
    el('span', { class: 'intent-question', text: stats.lastPublishedAt
      ? `published ${dateTime(stats.lastPublishedAt)}` : 'never published' }));
}
