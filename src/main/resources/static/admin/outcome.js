// The outcome of an action (a proposal, a reload), written where the action was taken, and the sections' errors:
// every failed call is shown where its content would be, never swallowed.
import { el } from '../widget/dom.js';
import { ApiError } from './api.js';
import { dateTime } from './format.js';

/** Shows an outcome: kind is pending, ok or error; lines are details under the message. */
export function showOutcome(box, kind, message, lines = []) {
  box.className = `outcome ${kind}`;
  box.replaceChildren(el('p', { text: message }));
  if (lines.length) {
    box.append(el('ul', {}, ...lines.map((line) => el('li', { text: line }))));
  }
  if (kind === 'error') {
    console.warn(message, lines);
  }
}

/** What a reload did, in one sentence. */
export function reloadSummary(result) {
  const when = result.loadedAt ? ` at ${dateTime(result.loadedAt)}` : '';
  return `Reloaded: ${result.intents} intents, ${result.examples} examples, trained in ${result.trainedMillis} ms`
    + `${when}.`;
}

/**
 * The problem's per-file lines: its errors ("intents/x.yaml – examples: reason") and the files behind the version in
 * service ("intents/x.yaml: reason").
 */
export function problemLines(error) {
  const problem = error instanceof ApiError && error.problem ? error.problem : {};
  const list = (name) => (Array.isArray(problem[name]) ? problem[name] : []);
  return [...list('errors'), ...list('stale')]
    .map((e) => [e.file, e.field].filter(Boolean).join(' – ') + `: ${e.reason || e.message || ''}`);
}

/** Runs one section's loader, showing its failure in that section's error box (by id). */
export async function section(errorId, load) {
  const box = document.getElementById(errorId);
  try {
    await load();
    box.hidden = true;
    box.replaceChildren();
  } catch (error) {
    box.replaceChildren(el('strong', { text: 'Could not load this: ' }), error.message);
    box.hidden = false;
    console.warn(`${errorId}:`, error);
  }
}
