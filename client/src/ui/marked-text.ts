/**
 * Renders text with its mentions marked (<mark> per span, coloured by type),
 * built from text nodes only.
 */
import type { MarkedSpan } from '../api-types.js';
import { el } from '../dom.js';
import { segmentText } from './text-marks.js';

export function markedText(
  tag: 'p' | 'blockquote' | 'div',
  text: string,
  spans: MarkedSpan[],
  onMarkClick?: (mark: MarkedSpan) => void,
): HTMLElement {
  const container = el(tag, { class: 'marked-text' });
  for (const segment of segmentText(text, spans)) {
    if (!segment.mark) {
      container.append(segment.text);
      continue;
    }
    const mark = el('mark', { class: `mention type-${segment.mark.type ?? 'unknown'}`, 'data-entity': segment.mark.entityId, title: segment.mark.entityId }, segment.text);
    if (onMarkClick && segment.mark.entityId) {
      const span = segment.mark;
      mark.tabIndex = 0;
      mark.addEventListener('click', () => onMarkClick(span));
      mark.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') onMarkClick(span);
      });
    }
    container.append(mark);
  }
  return container;
}
