import { describe, expect, it } from 'vitest';
import { keyName } from './keyboard.js';

const key = (init: Partial<KeyboardEvent>) => ({ ctrlKey: false, metaKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('keyName', () => {
  it.each([
    [{ key: 'z', ctrlKey: true }, 'ctrl+z'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'ctrl+shift+z'],
    [{ key: 'z', metaKey: true }, 'ctrl+z'],
    [{ key: 'H', shiftKey: true }, 'shift+h'],
    [{ key: '?', shiftKey: true }, '?'],
    [{ key: 'Escape' }, 'Escape'],
    [{ key: 'e' }, 'e'],
  ])('%o → %s', (init, expected) => {
    expect(keyName(key(init))).toBe(expected);
  });
});
