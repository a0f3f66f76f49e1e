// Questions and fallbacks per day: the summary line, the two bar charts and the same numbers as a table.
import { el } from '../widget/dom.js';
import { getJson } from './api.js';
import { drawBarChart } from './chart.js';
import { dayLabel, percent, share } from './format.js';

export class DailyCharts {
  /** @param {{summary: Element, questions: Element, fallbacks: Element, table: HTMLTableElement}} parts */
  constructor(parts) {
    this.parts = parts;
    // The report drawn last, drawn again at the new width when the window is resized.
    this.report = null;
  }

  async load(days) {
    const report = await getJson(`/api/v1/admin/daily?days=${days}`);
    this.report = report;
    const rate = percent(share(report.fallbacks, report.questions));
    this.parts.summary.textContent = `${report.questions} questions and ${report.fallbacks} fallbacks `
      + `(${rate}) from ${report.window.first} to ${report.window.last} (UTC).`;
    this.draw();
    this.parts.table.tBodies[0].replaceChildren(...report.days.map((day) => el('tr', {},
      el('th', { scope: 'row', text: day.date }), el('td', { text: String(day.questions) }),
      el('td', { text: String(day.fallbacks) }), el('td', { text: percent(dailyRate(day)) }))));
  }

  draw() {
    const report = this.report;
    if (!report) {
      return;
    }
    const series = report.days;
    const busiest = Math.max(1, ...series.map((day) => day.questions));
    drawBarChart(this.parts.questions, {
      id: 'questions-chart-svg',
      title: 'Questions per day',
      description: `Bar chart of questions asked per UTC day from ${report.window.first} to `
        + `${report.window.last}; at most ${busiest} on one day. The same numbers are in the table below.`,
      points: series.map((day) => ({ label: dayLabel(day.date), value: day.questions,
        tip: `${day.date}: ${day.questions} questions` })),
      max: niceCeiling(busiest),
      format: (value) => String(Math.round(value)),
      xTitle: 'Day (UTC)',
      yTitle: 'Questions',
    });
    drawBarChart(this.parts.fallbacks, {
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
}

/** A day's fallback rate; none on a day without questions (the report says 0 then). */
function dailyRate(day) {
  return day.questions ? day.fallbackRate : null;
}

/** A round axis maximum at or above the value (an even number, so the middle gridline is whole). */
function niceCeiling(value) {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= value);
  return nice < 2 ? 2 : nice;
}
