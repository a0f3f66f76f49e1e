// A small bar chart in inline SVG: value axis with three gridlines, day labels along the bottom, a title and a
// description for screen readers (the page also has the numbers as a table). Presentation attributes only, no
// style attributes, so it draws under a strict Content-Security-Policy.
import { svg as node } from '../widget/dom.js';

const HEIGHT = 220;
const MARGIN = { top: 12, right: 24, bottom: 40, left: 48 };

/**
 * Draws (or redraws) a bar chart into a container, sized to the container's width.
 * @param {HTMLElement} container where the svg goes; an svg already in it is replaced
 * @param {{id: string, title: string, description: string, points: {label: string, value: number, tip: string}[],
 *          max: number, format: function(number): string, xTitle: string, yTitle: string}} chart
 */
export function drawBarChart(container, chart) {
  const width = Math.max(280, Math.floor(container.clientWidth || 600));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = chart.max > 0 ? chart.max : 1;
  const y = (value) => MARGIN.top + plotHeight - (value / max) * plotHeight;

  const svg = node('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: 'img',
    'aria-labelledby': `${chart.id}-title ${chart.id}-desc`, class: 'chart' });
  svg.append(node('title', { id: `${chart.id}-title` }, chart.title),
    node('desc', { id: `${chart.id}-desc` }, chart.description));

  for (const tick of [0, max / 2, max]) {
    svg.append(node('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick),
      class: tick === 0 ? 'axis' : 'grid' }));
    svg.append(node('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'tick' },
      chart.format(tick)));
  }
  svg.append(node('text', { x: 12, y: MARGIN.top + plotHeight / 2, 'text-anchor': 'middle', class: 'axis-title',
    transform: `rotate(-90 12 ${MARGIN.top + plotHeight / 2})` }, chart.yTitle));

  const count = chart.points.length;
  const slot = plotWidth / Math.max(count, 1);
  const barWidth = Math.max(1, slot * 0.7);
  chart.points.forEach((point, i) => {
    const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
    const top = y(point.value);
    const bar = node('rect', { x, y: top, width: barWidth, height: Math.max(0, MARGIN.top + plotHeight - top),
      class: 'bar' });
    bar.append(node('title', {}, point.tip));
    svg.append(bar);
  });
  // Day labels: every step-th day, as many as fit without overlapping, and the last day if there is room for it.
  const fitting = Math.max(2, Math.floor(plotWidth / 70));
  const step = Math.max(1, Math.ceil(count / fitting));
  const labelled = new Set();
  for (let i = 0; i < count; i += step) {
    labelled.add(i);
  }
  if (count > 0 && count - 1 - Math.floor((count - 1) / step) * step >= step * 0.6) {
    labelled.add(count - 1);
  }
  for (const i of labelled) {
    svg.append(node('text', { x: MARGIN.left + i * slot + slot / 2, y: HEIGHT - MARGIN.bottom + 16,
      'text-anchor': 'middle', class: 'tick' }, chart.points[i].label));
  }
  svg.append(node('text', { x: MARGIN.left + plotWidth / 2, y: HEIGHT - 4, 'text-anchor': 'middle',
    class: 'axis-title' }, chart.xTitle));

  container.querySelector('svg')?.remove();
  container.append(svg);
}
