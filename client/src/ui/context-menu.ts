/** A right-click menu for a node: the same commands as the keyboard, by mouse. */
import { byId, el, replaceChildren } from '../dom.js';

export interface MenuItem {
  label: string;
  key?: string;
  run: () => void;
}

export function openContextMenu(x: number, y: number, items: MenuItem[]): void {
  const menu = byId('context-menu');
  replaceChildren(
    menu,
    ...items.map((item) => {
      const button = el('button', { type: 'button', role: 'menuitem' }, item.label, item.key ? el('kbd', {}, item.key) : null);
      button.addEventListener('click', () => {
        closeContextMenu();
        item.run();
      });
      return button;
    }),
  );
  menu.style.left = `${Math.min(x, window.innerWidth - 200)}px`;
  menu.style.top = `${Math.min(y, window.innerHeight - items.length * 32 - 10)}px`;
  menu.hidden = false;
  menu.querySelector('button')?.focus();
}

export function closeContextMenu(): void {
  byId('context-menu').hidden = true;
}
