// Unanswered question groups, each of which the owner can propose as examples of an intent.
import { el } from '../widget/dom.js';
import { getJson, postJson } from './api.js';
import { counted, dateTime, percent } from './format.js';
import { problemLines, reloadSummary, showOutcome } from './outcome.js';

/** The closest intent is chosen for the owner only when the classifier gives it at least this share. */
const PRESELECT_MIN_SCORE = 0.3;

/**
 * Lists the groups of a period.
 * @param {{list: Element, empty: Element}} parts where they go, and the line shown when there are none
 * @param {number|string} days the period
 * @param {{id: string, question: string}[]} intents the intents to choose from (the FAQ list; may be empty)
 * @param {function(): *} onRetrained called when an accepted proposal put a newly trained model in service
 */
export async function loadUnanswered(parts, days, intents, onRetrained = () => {}) {
  const report = await getJson(`/api/v1/admin/unanswered?days=${days}`);
  if (report.groups.length === 0) {
    parts.empty.textContent = report.reason || 'No unanswered questions in this period.';
    parts.empty.hidden = false;
  } else {
    parts.empty.hidden = true;
  }
  parts.list.replaceChildren(...report.groups.map((group, i) => renderGroup(group, i, intents, onRetrained)));
}

function renderGroup(group, index, intents, onRetrained) {
  const id = `group-${index}`;
  const kinds = [[group.fallbacks, 'fallback'], [group.clarifications, 'clarification'],
    [group.lowConfidence, 'low-confidence answer']]
    .filter(([n]) => n > 0).map(([n, kind]) => counted(n, kind)).join(', ');
  const examples = el('fieldset', { class: 'examples' }, el('legend', { text: 'Example questions' }),
    ...group.examples.map((example, i) => el('div', { class: 'example' },
      el('input', { type: 'checkbox', id: `${id}-example-${i}`, checked: true, value: example }),
      el('label', { for: `${id}-example-${i}`, text: example }))));

  const select = el('select', { id: `${id}-intent` });
  // The FAQ list leaves out small talk; the closest intent is offered even when it is not in it.
  const choices = [...intents];
  if (group.closestIntent && !choices.some((intent) => intent.id === group.closestIntent.id)) {
    choices.unshift(group.closestIntent);
  }
  // A weak guess (most off-topic groups lean somewhere at 5-15%) is not preselected: adding a group to the wrong
  // intent teaches the bot a wrong answer, so the owner has to choose.
  select.append(el('option', { value: '', text: 'Choose an intent…' }));
  for (const intent of choices) {
    select.append(el('option', { value: intent.id, text: `${intent.id} – ${intent.question}` }));
  }
  if (group.closestIntent && group.closestIntent.score >= PRESELECT_MIN_SCORE) {
    select.value = group.closestIntent.id;
  }
  const button = el('button', { type: 'button', class: 'propose' });
  const label = () => {
    button.textContent = select.value ? `Propose as examples of ${select.value}` : 'Propose as examples';
    button.disabled = !select.value;
  };
  label();
  select.addEventListener('change', label);
  const outcome = el('div', { class: 'outcome', role: 'status', 'aria-live': 'polite' });
  button.addEventListener('click', () => propose(select.value, examples, button, outcome,
    onRetrained));

  const closest = group.closestIntent
    ? el('p', { class: 'closest' }, 'Closest intent: ', el('strong', { text: group.closestIntent.id }),
      ` (${percent(group.closestIntent.score)}) – ${group.closestIntent.question}`)
    : null;
  return el('li', { class: 'group', 'aria-labelledby': `${id}-title` },
    el('h3', { id: `${id}-title`, text: `“${group.examples[0]}”` }),
    el('p', { class: 'meta', text: `Asked ${counted(group.count, 'time')} (${kinds}); last `
      + `${dateTime(group.lastAskedAt)}` }),
    examples, closest,
    el('div', { class: 'propose-row' }, el('label', { for: `${id}-intent`, text: 'Intent' }), select, button),
    outcome);
}

async function propose(intent, examples, button, outcome, onRetrained) {
  const chosen = [...examples.querySelectorAll('input:checked')].map((box) => box.value);
  if (chosen.length === 0) {
    showOutcome(outcome, 'error', 'Tick at least one example question to propose.');
    return;
  }
  button.disabled = true;
  showOutcome(outcome, 'pending', `Proposing ${chosen.length} example(s) for ${intent}…`);
  try {
    const result = await postJson('/api/v1/admin/proposals', { intent, examples: chosen });
    const added = result.added || [];
    const skipped = result.skipped || [];
    const lines = skipped.map((skip) => `${skip.example}: ${skip.reason}`);
    if (result.reload) {
      lines.push(reloadSummary(result.reload));
    }
    showOutcome(outcome, 'ok', `Added ${added.length} example(s) to ${intent}`
      + (skipped.length ? `, skipped ${skipped.length}:` : '.'), lines);
    if (result.reload) {
      await onRetrained();
    }
  } catch (error) {
    showOutcome(outcome, 'error', `The proposal was not accepted: ${error.message}`, problemLines(error));
  } finally {
    button.disabled = false;
  }
}
