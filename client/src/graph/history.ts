/**
 * Undo and redo for every change to the graph: each change is recorded as a
 * pair of functions, so any command (expand, hide, layout, merge) can be undone.
 */

export interface Change {
  /** What the change did, for the status line ("Expanded Kim Jong-un"). */
  label: string;
  undo: () => void | Promise<void>;
  redo: () => void | Promise<void>;
}

export class History {
  private done: Change[] = [];
  private undone: Change[] = [];

  constructor(private readonly onChange: (message: string) => void = () => {}, private readonly limit = 200) {}

  /** Records a change that has already been applied. */
  record(change: Change): void {
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    this.onChange(change.label);
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  async undo(): Promise<void> {
    const change = this.done.pop();
    if (!change) return;
    await change.undo();
    this.undone.push(change);
    this.onChange(`Undid: ${change.label}`);
  }

  async redo(): Promise<void> {
    const change = this.undone.pop();
    if (!change) return;
    await change.redo();
    this.done.push(change);
    this.onChange(`Redid: ${change.label}`);
  }
}
