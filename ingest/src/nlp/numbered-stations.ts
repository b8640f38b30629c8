/**
 * Broadcasters named with a number ("Channel 4", "Radio 4", "BBC Radio One"): the tagger, which learned that a
 * number ends a name, stops before it and leaves "Channel" or "Radio" alone, an organisation no one can place.
 * The number joins the name. Only these two heads: a club followed by a number is a score ("Chelsea 2").
 */
import type { Token } from './tokenize.js';

const HEADS = new Set(['Channel', 'Radio']);
const NUMBER = /^(?:\d{1,2}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)$/;

/** Rewrites `tags` in place: "Channel"/"Radio" and the number after it become one organisation. */
export function tagNumberedStations(tokens: Token[], tags: string[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const next = tokens[i + 1]!;
    if (!HEADS.has(tokens[i]!.text) || !NUMBER.test(next.text) || next.start !== tokens[i]!.end + 1) continue;
    // Inside a name already ("BBC Radio"), the head and its number continue it.
    if (!tags[i]!.startsWith('I-')) tags[i] = 'B-ORG';
    tags[i + 1] = tags[i]!.startsWith('I-') ? tags[i]! : 'I-ORG';
  }
}
