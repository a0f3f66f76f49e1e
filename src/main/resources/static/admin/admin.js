// The admin page: the review loop for site owners. Reads the admin API, draws the daily charts, lists unanswered
// question groups (each can be proposed as examples of an intent), intents by traffic and by negative feedback,
// and recent feedback. All text from the server is set as text; every failed call is shown where its content would
// be, never swallowed. No inline script or style: it runs under the page's strict CSP.
//
// This module wires the page; one module per part of it: knowledge.js (the version in service, the warning of
// intents with few phrasings), daily.js, unanswered.js, feedback.js (the intent tables and the feedback list),
// versions.js (the knowledge versions compared), keys.js (the API keys), outcome.js (what an action did, a section's error), api.js, chart.js, format.js.
import { el } from '../widget/dom.js';
import { ApiError, getJson, postJson } from './api.js';
import { DailyCharts } from './daily.js';
import { loadFeedback, loadIntentTable } from './feedback.js';
import { createKey, loadKeys } from './keys.js';
import { loadSparseIntents, loadVersion } from './knowledge.js';
import { problemLines, reloadSummary, section, showOutcome } from './outcome.js';
import { loadUnanswered } from './unanswered.js';
import { loadVersionTable } from './versions.js';

/** Wires the page's controls and loads every section. */
function start() {
  const $ = (id) => document.getElementById(id);
  const days = () => $('days').value;
  const daily = new DailyCharts({ summary: $('daily-summary'), questions: $('questions-chart'),
    fallbacks: $('fallback-chart'), table: $('daily-table') });
  const sparse = { panel: $('sparse'), summary: $('sparse-summary'), list: $('sparse-intents') };
  // Read with the rest of the page, and again after a reload or an accepted proposal, which change it.
  const loadKnowledge = () => section('knowledge-error', () => Promise.all([loadSparseIntents(sparse),
    loadVersion($('knowledge-version'))]));
  const unanswered = { list: $('unanswered'), empty: $('unanswered-empty') };
  const loadGroups = (intents) => loadUnanswered(unanswered, days(), intents, loadKnowledge);
  const keys = { form: $('key-form'), table: $('keys-table'), outcome: $('key-outcome') };
  // The FAQ list, kept for the reload to list the groups again with.
  let intents = [];

  const loadAll = () => Promise.all([
    loadKnowledge(),
    section('daily-error', () => daily.load(days())),
    section('unanswered-error', async () => {
      // Without the list of intents the groups still show, each with only its closest intent to choose.
      const intentsFailure = await getJson('/api/v1/intents').then((list) => {
        intents = list;
        return null;
      }, (error) => error);
      await loadGroups(intents);
      if (intentsFailure) {
        throw new ApiError(`the list of intents (${intentsFailure.message})`, intentsFailure.status, null);
      }
    }),
    section('traffic-error', () => loadIntentTable($('traffic-table'), days(), 'traffic')),
    section('negative-error', () => loadIntentTable($('negative-table'), days(), 'negative')),
    section('feedback-error', () => loadFeedback({ list: $('feedback'), empty: $('feedback-empty') }, days())),
    section('versions-error', () => loadVersionTable($('versions-table'), days())),
    section('keys-error', () => loadKeys(keys)),
  ]).then(() => document.body.setAttribute('data-loaded', 'true'));

  $('window-form').addEventListener('submit', (event) => event.preventDefault());
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    createKey(keys);
  });
  $('days').addEventListener('change', () => {
    document.body.removeAttribute('data-loaded');
    loadAll();
  });
  $('reload').addEventListener('click', () => reload($('reload'), $('reload-outcome'),
    () => Promise.all([loadKnowledge(), section('unanswered-error', () => loadGroups(intents))])));
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => daily.draw(), 150);
  });
  loadAll();
}

/**
 * Reloads the knowledge base, then shows it and lists the unanswered groups again (some may now be answered). With
 * base, the files are published over that version even if they are behind it.
 */
async function reload(button, outcome, listAgain, base) {
  button.disabled = true;
  showOutcome(outcome, 'pending', 'Reloading the knowledge base…');
  try {
    const query = base ? `?base=${encodeURIComponent(base)}` : '';
    const result = await postJson(`/api/v1/admin/reload${query}`);
    showOutcome(outcome, 'ok', reloadSummary(result));
    await listAgain();
  } catch (error) {
    showOutcome(outcome, 'error', `The knowledge was not reloaded; the running model keeps answering. ${error.message}`,
      problemLines(error));
    const inService = error instanceof ApiError && error.problem && Array.isArray(error.problem.stale)
      ? error.problem.inService : null;
    if (inService) {
      offerTheVersionInService(outcome, inService, () => reload(button, outcome, listAgain, inService));
    }
  } finally {
    button.disabled = false;
  }
}

/**
 * Under a reload refused because the files are behind the version in service: its files to download, to bring them
 * into the folders, and the choice to publish the files over it as they are.
 */
function offerTheVersionInService(outcome, version, publishOver) {
  const download = el('a', { href: `/api/v1/admin/knowledge/versions/${encodeURIComponent(version)}/files`,
    download: '', id: 'download-in-service', text: 'Download the version in service' });
  const over = el('button', { type: 'button', id: 'publish-over', text: 'Publish the files over it' });
  // it undoes what was published since, for every instance: asked once more, not done on one click
  over.addEventListener('click', () => {
    if (window.confirm('Publish the intent files over the version in service? '
        + 'The changes listed above are undone on every instance.')) {
      publishOver();
    }
  });
  outcome.append(el('p', { class: 'actions' }, download, ' ', over));
}

start();
