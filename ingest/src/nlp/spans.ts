/** Turns BIO tags over tokens into labelled character spans. */
import type { Token } from './tokenize.js';

export interface LabelledSpan {
  label: string;
  /** Token range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
}

export function spansFromBio(tokens: Token[], tags: readonly string[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  let open: LabelledSpan | undefined;
  tags.forEach((tag, i) => {
    const tok = tokens[i]!;
    if (open && tag === `I-${open.label}`) {
      open.to = i + 1;
      open.end = tok.end;
      return;
    }
    if (open) out.push(open);
    open = tag === 'O' ? undefined : { label: tag.slice(2), from: i, to: i + 1, start: tok.start, end: tok.end };
  });
  if (open) out.push(open);
  return out;
}
