/** A small bar chart of mentions over time, from plain elements (no canvas). */
import type { TimelinePoint } from '../api-types.js';
import { el } from '../dom.js';

export function timelineChart(points: TimelinePoint[]): HTMLElement {
  if (!points.length) return el('p', { class: 'muted' }, 'No dated mentions.');
  const max = Math.max(...points.map((p) => p.count), 1);
  const chart = el('div', { class: 'timeline', role: 'img', 'aria-label': `Mentions over time: ${points.map((p) => `${p.period} ${p.count}`).join(', ')}` });
  for (const point of points) {
    chart.append(
      el(
        'div',
        { class: 'bar-wrap', title: `${point.period}: ${point.count}` },
        el('div', { class: 'bar', style: `height:${Math.max(4, Math.round((point.count / max) * 48))}px` }),
        el('span', { class: 'bar-label' }, point.period.slice(2, 7)),
      ),
    );
  }
  return chart;
}
