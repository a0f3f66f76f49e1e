// The knowledge base in service: the knowledge version every instance serves, and a warning when some of its intents
// have fewer phrasings than recommended, nothing when none have. Too few is a warning, never a refusal: those intents load and are answered, less reliably.
import { el } from '../widget/dom.js';
import { getJson } from './api.js';
import { counted } from './format.js';

/**
 * Shows the sparsely phrased intents of the model in service, fewest first (the server's order), or hides the panel.
 * @param {{panel: Element, summary: Element, list: Element}} parts the panel, its summary line and its list
 */
export async function loadSparseIntents(parts) {
  const report = await getJson('/api/v1/admin/knowledge');
  const sparse = report.sparselyPhrased;
  parts.panel.hidden = sparse.length === 0;
  parts.summary.textContent = sparse.length === 0 ? ''
    : `${counted(sparse.length, 'intent')} of ${report.intents} ${sparse.length === 1 ? 'has' : 'have'} fewer than `
      + `${report.recommendedPhrasings} phrasings (the question and its examples together): the bot recognises `
      + `${sparse.length === 1 ? 'it' : 'them'} less reliably. Fewest first:`;
  parts.list.replaceChildren(...sparse.map((intent) => el('li', {},
    el('span', { class: 'intent-question', text: intent.question }),
    el('span', { class: 'intent-id', text: intent.id }),
    el('span', { class: 'phrasings', text: counted(intent.phrasings, 'phrasing') }))));
}

/**
 * Shows which knowledge version this instance serves: the start of its content hash (the whole one in the title),
 * when it was published and how many intents it has.
 * @param {Element} line where to say it
 */
export async function loadVersion(line) {
  const versions = await getJson('/api/v1/admin/knowledge/versions');
  const served = versions.inService;
  const latest = versions.publications[0];
  line.textContent = `Knowledge version ${served.version.slice(0, 12)}, published ${served.publishedAt}`
    + (latest ? ` by ${latest.publishedBy.toLowerCase()}` : '') + `, ${counted(served.intents, 'intent')}`;
  line.title = served.version;
}
