/**
 * The side panel that shows evidence: one view at a time, with a heading that
 * takes focus so keyboard and screen-reader users land on what just opened.
 */
import { byId, el, replaceChildren } from '../dom.js';

let onClose: () => void = () => {};

export function openPanel(title: string, kind: string, ...content: Array<Node | null>): HTMLElement {
  const panel = byId('panel');
  const heading = el('h2', { id: 'panel-title', tabindex: '-1' }, title);
  const close = el('button', { type: 'button', class: 'icon', 'aria-label': 'Close panel (Esc)', title: 'Close (Esc)' }, '×');
  close.addEventListener('click', () => closePanel());
  const body = el('div', { class: 'panel-body' });
  for (const node of content) if (node) body.append(node);
  replaceChildren(panel, el('div', { class: 'panel-head' }, el('span', { class: 'kind' }, kind), heading, close), body);
  panel.hidden = false;
  panel.setAttribute('aria-labelledby', 'panel-title');
  heading.focus({ preventScroll: true });
  return body;
}

export function closePanel(): void {
  const panel = byId('panel');
  if (panel.hidden) return;
  panel.hidden = true;
  replaceChildren(panel);
  onClose();
}

export function onPanelClose(handler: () => void): void {
  onClose = handler;
}

/** A titled section inside the panel. */
export function section(title: string, ...content: Array<Node | string | null>): HTMLElement {
  return el('section', { class: 'panel-section' }, el('h3', {}, title), ...content);
}
