// The API keys of programs that use the bot API: create one (its key shown this once: only its hash is kept),
// list them, revoke one. A key is never shown again after its creation, so the list has none.
import { el } from '../widget/dom.js';
import { deleteAt, getJson, postJson } from './api.js';
import { dateTime } from './format.js';
import { showOutcome } from './outcome.js';

const PATH = '/api/v1/admin/api-keys';

/**
 * Lists the keys, newest last, each valid one with a button to revoke it.
 * @param {{table: Element, outcome: Element}} parts the table, and where an action's outcome is shown
 */
export async function loadKeys(parts) {
  const keys = await getJson(PATH);
  parts.table.replaceChildren(el('caption', { class: 'visually-hidden', text: 'API keys, oldest first' }),
    el('thead', {}, el('tr', {}, ...['Name', 'Requests per minute', 'Created', 'Last used', 'State']
      .map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, ...(keys.length ? keys.map((key) => el('tr', { 'data-key-id': key.id },
      el('th', { scope: 'row', text: key.name }),
      el('td', { text: String(key.requestsPerMinute) }),
      el('td', { text: dateTime(key.createdAt) }),
      el('td', { text: key.lastUsedAt ? dateTime(key.lastUsedAt) : 'never' }),
      el('td', {}, key.revokedAt ? `Revoked ${dateTime(key.revokedAt)}` : revokeButton(key, parts))))
      : [el('tr', {}, el('td', { colspan: 5, class: 'empty', text: 'No API keys yet.' }))])));
}

function revokeButton(key, parts) {
  const button = el('button', { type: 'button', class: 'revoke', text: 'Revoke',
    'aria-label': `Revoke the key ${key.name}` });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await deleteAt(`${PATH}/${key.id}`);
      showOutcome(parts.outcome, 'ok', `The key ${key.name} is revoked: requests with it are refused.`);
    } catch (error) {
      showOutcome(parts.outcome, 'error', `The key was not revoked. ${error.message}`);
    }
    await loadKeys(parts).catch((error) => showOutcome(parts.outcome, 'error', error.message));
  });
  return button;
}

/**
 * Creates a key from the form and shows it this once.
 * @param {{form: HTMLFormElement, table: Element, outcome: Element}} parts the form, the table and the outcome
 */
export async function createKey(parts) {
  const name = parts.form.elements.name.value;
  const quota = parts.form.elements.requestsPerMinute.value;
  const button = parts.form.querySelector('button');
  button.disabled = true;
  showOutcome(parts.outcome, 'pending', 'Creating the key…');
  try {
    const created = await postJson(PATH, quota === '' ? { name } : { name, requestsPerMinute: Number(quota) });
    showOutcome(parts.outcome, 'ok', `Created the key ${created.name} (${created.requestsPerMinute} requests per `
      + 'minute). Copy it now: it is not shown again.', [created.key]);
    parts.outcome.querySelector('li').classList.add('api-key');
    parts.form.reset();
    await loadKeys(parts);
  } catch (error) {
    showOutcome(parts.outcome, 'error', `No key was created. ${error.message}`);
  } finally {
    button.disabled = false;
  }
}
