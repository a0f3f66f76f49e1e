// The admin page: the review loop for site owners. Reads the admin API, draws the daily charts, lists unanswered
// question groups (each can be proposed as examples of an intent), intents by traffic and by negative feedback,
// and recent feedback. All text from the server is set with textContent; every failed call is shown where its
// content would be, never swallowed. No inline script or style: it runs under the page's strict CSP.
import { ApiError, getJson, postJson } from './api.js';
import { drawBarChart } from './chart.js';

const $ = (id) => document.getElementById(id);
const percent = (rate) => (rate > 0 && rate < 0.005 ? '<1%' : `${Math.round(rate * 100)}%`);
const dayLabel = (iso) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined,
  { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTime = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

let intents = [];
let lastDaily = null;

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'text') {
      element.textContent = value;
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

function days() {
  return $('days').value;
}

function showError(id, error) {
  const box = $(id);
  box.replaceChildren(el('strong', { text: 'Could not load this: ' }), error.message);
  box.hidden = false;
  console.warn(`${id}:`, error);
}

function clearError(id) {
  $(id).hidden = true;
  $(id).replaceChildren();
}

/** Runs one section's loader, showing its failure in that section. */
async function section(errorId, load) {
  try {
    await load();
    clearError(errorId);
  } catch (error) {
    showError(errorId, error);
  }
}

// --- Daily charts --------------------------------------------------------------------------------------------

async function loadDaily() {
  const report = await getJson(`/api/v1/admin/daily?days=${days()}`);
  lastDaily = report;
  const rate = report.questions ? percent(report.fallbacks / report.questions) : '–';
  $('daily-summary').textContent = `${report.questions} questions and ${report.fallbacks} fallbacks `
    + `(${rate}) from ${report.window.first} to ${report.window.last} (UTC).`;
  drawDaily();
  $('daily-table').tBodies[0].replaceChildren(...report.days.map((day) => el('tr', {},
    el('th', { scope: 'row', text: day.date }), el('td', { text: String(day.questions) }),
    el('td', { text: String(day.fallbacks) }), el('td', { text: day.questions ? percent(day.fallbackRate) : '–' }))));
}

function drawDaily() {
  if (!lastDaily) {
    return;
  }
  const series = lastDaily.days;
  const busiest = Math.max(1, ...series.map((day) => day.questions));
  drawBarChart($('questions-chart'), {
    id: 'questions-chart-svg',
    title: 'Questions per day',
    description: `Bar chart of questions asked per UTC day from ${lastDaily.window.first} to `
      + `${lastDaily.window.last}; at most ${busiest} on one day. The same numbers are in the table below.`,
    points: series.map((day) => ({ label: dayLabel(day.date), value: day.questions,
      tip: `${day.date}: ${day.questions} questions` })),
    max: niceCeiling(busiest),
    format: (value) => String(Math.round(value)),
    xTitle: 'Day (UTC)',
    yTitle: 'Questions',
  });
  drawBarChart($('fallback-chart'), {
    id: 'fallback-chart-svg',
    title: 'Fallback rate per day',
    description: 'Bar chart of the share of questions answered with a fallback, per UTC day, from 0 to 100%. '
      + 'The same numbers are in the table below.',
    points: series.map((day) => ({ label: dayLabel(day.date), value: day.fallbackRate,
      tip: `${day.date}: ${day.questions ? percent(day.fallbackRate) : 'no questions'}` })),
    max: 1,
    format: percent,
    xTitle: 'Day (UTC)',
    yTitle: 'Fallbacks',
  });
}

/** A round axis maximum at or above the value (an even number, so the middle gridline is whole). */
function niceCeiling(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= value);
  return nice < 2 ? 2 : nice;
}

// --- Unanswered groups -----------------------------------------------------------------------------------------

async function loadIntents() {
  intents = await getJson('/api/v1/intents');
}

async function loadUnanswered() {
  const report = await getJson(`/api/v1/admin/unanswered?days=${days()}`);
  const empty = $('unanswered-empty');
  if (report.groups.length === 0) {
    empty.textContent = report.reason || 'No unanswered questions in this period.';
    empty.hidden = false;
  } else {
    empty.hidden = true;
  }
  $('unanswered').replaceChildren(...report.groups.map((group, i) => renderGroup(group, i)));
}

/** The closest intent is chosen for the owner only when the classifier gives it at least this share. */
const PRESELECT_MIN_SCORE = 0.3;

function renderGroup(group, index) {
  const id = `group-${index}`;
  const kinds = [[group.fallbacks, 'fallback'], [group.clarifications, 'clarification'],
    [group.lowConfidence, 'low-confidence answer']]
    .filter(([n]) => n > 0).map(([n, kind]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');
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
  button.addEventListener('click', () => propose(select.value, examples, button, outcome));

  const closest = group.closestIntent
    ? el('p', { class: 'closest' }, 'Closest intent: ', el('strong', { text: group.closestIntent.id }),
      ` (${percent(group.closestIntent.score)}) – ${group.closestIntent.question}`)
    : null;
  return el('li', { class: 'group', 'aria-labelledby': `${id}-title` },
    el('h3', { id: `${id}-title`, text: `“${group.examples[0]}”` }),
    el('p', { class: 'meta', text: `Asked ${group.count} time${group.count === 1 ? '' : 's'} (${kinds}); last `
      + `${dateTime(group.lastAskedAt)}` }),
    examples, closest,
    el('div', { class: 'propose-row' }, el('label', { for: `${id}-intent`, text: 'Intent' }), select, button),
    outcome);
}

async function propose(intent, examples, button, outcome) {
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
  } catch (error) {
    showOutcome(outcome, 'error', `The proposal was not accepted: ${error.message}`, problemLines(error));
  } finally {
    button.disabled = false;
  }
}

// --- Reload ----------------------------------------------------------------------------------------------------

async function reload() {
  const button = $('reload');
  const outcome = $('reload-outcome');
  button.disabled = true;
  showOutcome(outcome, 'pending', 'Reloading the knowledge base…');
  try {
    const result = await postJson('/api/v1/admin/reload');
    showOutcome(outcome, 'ok', reloadSummary(result));
    await section('unanswered-error', loadUnanswered);
  } catch (error) {
    showOutcome(outcome, 'error', `The knowledge was not reloaded; the running model keeps answering. ${error.message}`,
      problemLines(error));
  } finally {
    button.disabled = false;
  }
}

function reloadSummary(result) {
  const when = result.loadedAt ? ` at ${dateTime(result.loadedAt)}` : '';
  return `Reloaded: ${result.intents} intents, ${result.examples} examples, trained in ${result.trainedMillis} ms`
    + `${when}.`;
}

/** The problem's per-file errors, as lines: "intents/x.yaml – examples: reason". */
function problemLines(error) {
  const errors = error instanceof ApiError && error.problem && Array.isArray(error.problem.errors)
    ? error.problem.errors : [];
  return errors.map((e) => [e.file, e.field].filter(Boolean).join(' – ') + `: ${e.reason || e.message || ''}`);
}

function showOutcome(box, kind, message, lines = []) {
  box.className = `outcome ${kind}`;
  box.replaceChildren(el('p', { text: message }));
  if (lines.length) {
    box.append(el('ul', {}, ...lines.map((line) => el('li', { text: line }))));
  }
  if (kind === 'error') {
    console.warn(message, lines);
  }
}

// --- Intents and feedback -------------------------------------------------------------------------------------

async function loadIntentTable(sort, tableId) {
  const report = await getJson(`/api/v1/admin/intent-stats?days=${days()}&sort=${sort}`);
  const rows = sort === 'negative' ? report.intents.filter((intent) => intent.notHelpful > 0) : report.intents;
  const table = $(tableId);
  const caption = sort === 'negative' ? 'Intents with thumbs down, most first' : 'Intents by times answered';
  table.replaceChildren(el('caption', { class: 'visually-hidden', text: caption }),
    el('thead', {}, el('tr', {}, ...['Intent', 'Answered', 'Helpful', 'Not helpful', 'Negative rate']
      .map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, ...(rows.length ? rows.map((intent) => el('tr', {},
      el('th', { scope: 'row' }, el('span', { class: 'intent-id', text: intent.intent }),
        intent.question ? el('span', { class: 'intent-question', text: intent.question }) : null),
      el('td', { text: String(intent.answered) }), el('td', { text: String(intent.helpful) }),
      el('td', { text: String(intent.notHelpful) }),
      el('td', { text: intent.negativeRate === null ? '–' : percent(intent.negativeRate) })))
      : [el('tr', {}, el('td', { colspan: 5, class: 'empty',
        text: sort === 'negative' ? 'No thumbs down in this period.' : 'No answers in this period.' }))])));
}

async function loadFeedback() {
  const report = await getJson(`/api/v1/admin/feedback?days=${days()}&limit=50`);
  $('feedback-empty').hidden = report.feedback.length > 0;
  $('feedback').replaceChildren(...report.feedback.map((entry) => el('li',
    { class: entry.helpful ? 'up' : 'down' },
    // A word, not an emoji: it reads the same to a screen reader and needs no emoji font.
    el('span', { class: 'verdict', text: entry.helpful ? 'Helpful' : 'Not helpful' }),
    el('div', {},
      el('p', { class: 'question', text: entry.question ?? '(question text not stored)' }),
      el('p', { class: 'meta', text: `${entry.intent ? `Answered with ${entry.intent}` : 'Fallback'} · `
        + dateTime(entry.givenAt) }),
      entry.comment ? el('blockquote', { text: entry.comment }) : null))));
}

// --- Start -------------------------------------------------------------------------------------------------------

function loadAll() {
  return Promise.all([
    section('daily-error', loadDaily),
    section('unanswered-error', async () => {
      // Without the list of intents the groups still show, each with only its closest intent to choose.
      const intentsFailure = await loadIntents().then(() => null, (error) => error);
      await loadUnanswered();
      if (intentsFailure) {
        throw new ApiError(`the list of intents (${intentsFailure.message})`, intentsFailure.status, null);
      }
    }),
    section('traffic-error', () => loadIntentTable('traffic', 'traffic-table')),
    section('negative-error', () => loadIntentTable('negative', 'negative-table')),
    section('feedback-error', loadFeedback),
  ]).then(() => document.body.setAttribute('data-loaded', 'true'));
}

$('window-form').addEventListener('submit', (event) => event.preventDefault());
$('days').addEventListener('change', () => {
  document.body.removeAttribute('data-loaded');
  loadAll();
});
$('reload').addEventListener('click', reload);
let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(drawDaily, 150);
});
loadAll();
