/** Global keyboard shortcuts; typing in a field never triggers them (except Escape). */

export type KeyHandlers = Record<string, () => void>;

/** Normalised key name: "ctrl+z", "ctrl+shift+z", "shift+h", "e", "?". */
export function keyName(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('ctrl');
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.shiftKey && event.key.length === 1 && /[a-z]/i.test(event.key)) parts.push('shift');
  parts.push(key);
  return parts.join('+');
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

export function bindKeys(handlers: KeyHandlers): void {
  document.addEventListener('keydown', (event) => {
    const name = keyName(event);
    if (typing(event.target) && name !== 'Escape') return;
    // Buttons and links keep Enter and Space for themselves.
    const tag = (event.target as HTMLElement | null)?.tagName;
    if ((name === 'Enter' || name === ' ') && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || tag === 'MARK')) return;
    const handler = handlers[name];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
}
