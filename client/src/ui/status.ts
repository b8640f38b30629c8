/**
 * What the explorer tells the analyst: a polite status line, a loading
 * indicator, and an error banner that says what went wrong in words.
 */
import { ApiError } from '../api.js';
import { byId, replaceChildren, el } from '../dom.js';

let busy = 0;

export function announce(message: string): void {
  byId('status').textContent = message;
}

/** Runs `work` with the loading indicator on. */
export async function withLoading<T>(message: string, work: () => Promise<T>): Promise<T> {
  busy += 1;
  const indicator = byId('loading');
  indicator.hidden = false;
  indicator.textContent = message;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    busy -= 1;
    if (busy === 0) {
      indicator.hidden = true;
      document.body.removeAttribute('aria-busy');
    }
  }
}

/** Shows an error banner; API errors become sentences about the cause. */
export function showError(error: unknown, context?: string): void {
  const text = error instanceof ApiError ? error.readable : error instanceof Error ? error.message : String(error);
  const banner = byId('error');
  const close = el('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss error' }, '×');
  close.addEventListener('click', () => {
    banner.hidden = true;
  });
  replaceChildren(banner, el('span', {}, context ? `${context}: ${text}` : text), close);
  banner.hidden = false;
  console.error(context ?? 'error', error);
}

export function clearError(): void {
  byId('error').hidden = true;
}

/** Wraps an event handler so a failure shows in the banner instead of vanishing. */
export function guarded<A extends unknown[]>(context: string, handler: (...args: A) => Promise<void> | void) {
  return (...args: A): void => {
    Promise.resolve()
      .then(() => handler(...args))
      .catch((error: unknown) => showError(error, context));
  };
}
