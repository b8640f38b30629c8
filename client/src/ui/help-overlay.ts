/** The `?` overlay listing every keyboard shortcut (a modal <dialog>). */
import { byId, el, replaceChildren } from '../dom.js';

export const SHORTCUTS: Array<[string, string]> = [
  ['/', 'Search actors'],
  ['↑ ↓ Enter Esc', 'Move, pick, close in suggestions'],
  ['e', 'Expand the selected actor (or double-click)'],
  ['h', 'Hide the selection'],
  ['Shift+H', 'Show everything hidden'],
  ['p', 'Pin / unpin the selection'],
  ['c', 'Collapse the selected actor’s leaves'],
  ['Delete', 'Remove the selection from the canvas'],
  ['f', 'Fit the graph'],
  ['Enter', 'Focus on the selection'],
  ['+ / −', 'Zoom in / out'],
  ['l', 'Next layout'],
  ['g', 'Find paths between two actors'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo'],
  ['Esc', 'Close panel or overlay, clear selection'],
  ['?', 'This help'],
];

export function openHelp(): void {
  const dialog = byId<HTMLDialogElement>('help');
  const close = el('button', { type: 'button', autofocus: true }, 'Close');
  close.addEventListener('click', () => dialog.close());
  replaceChildren(
    dialog,
    el('h2', { id: 'help-title' }, 'Keyboard shortcuts'),
    el('table', {}, el('tbody', {}, ...SHORTCUTS.map(([keys, what]) => el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, keys)), el('td', {}, what))))),
    el(
      'p',
      { class: 'muted' },
      'Shapes: ● person, ▢ organisation, ⬡ country (ISO code inside). Size follows mentions, line width follows link weight; violet arrows are typed relations; a pink ring marks notes.',
    ),
    close,
  );
  dialog.setAttribute('aria-labelledby', 'help-title');
  if (!dialog.open) dialog.showModal();
}
