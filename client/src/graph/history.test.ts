import { describe, expect, it } from 'vitest';
import { History } from './history.js';

describe('History', () => {
  it('undoes and redoes changes in order, and a new change clears redo', async () => {
    const log: number[] = [];
    let value = 0;
    const history = new History();
    const set = (to: number) => {
      const from = value;
      value = to;
      history.record({ label: `set ${to}`, undo: () => { value = from; log.push(from); }, redo: () => { value = to; log.push(to); } });
    };
    set(1);
    set(2);
    await history.undo();
    expect(value).toBe(1);
    await history.undo();
    expect(value).toBe(0);
    expect(history.canUndo).toBe(false);
    await history.redo();
    expect(value).toBe(1);
    set(5);
    expect(history.canRedo).toBe(false);
    await history.undo();
    expect(value).toBe(1);
    expect(log).toEqual([1, 0, 1, 1]);
  });
});
