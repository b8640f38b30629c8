/**
 * One name, one reading per article. The tagger decides token by token and sentence by sentence, so it misses a
 * surname used alone after the full name ("Olaf Scholz … Scholz said") and types the same word two ways in one
 * text ("Fillmore" a person here, an organisation there). An article rarely uses one name for two actors, so:
 *
 * 1. every name the tagger found votes for its label, and a person's surname (the last word of a two-word name or
 *    longer) votes strongly for PER; each distinct name then takes the winning label everywhere it was tagged;
 * 2. each untagged occurrence of a name found elsewhere in the text, or of a person's surname, is tagged too,
 *    unless it sits inside a longer capitalised run (then it is part of another name) or is an everyday word.
 */
import { isTitleWord } from '../resolve/person-titles.js';
import { lookupCountry } from './countries.js';
import { spansFromBio } from './spans.js';
import type { Token } from './tokenize.js';
import { isEverydayWord } from './word-classes.js';

export interface DocumentNameContext {
  tokens: Token[];
  /** Per token, BIO tags; rewritten in place. */
  tags: string[];
  /** Training-text casing per lower-cased word ("L" almost always lower case, "l" mostly). */
  casing: Map<string, string>;
  /** Token index ranges of the sentences. */
  sentences: Array<[number, number]>;
}

const CAPITALISED = /^\p{Lu}/u;
/** Name particles that never make a name alone: "van", "de", "al", "bin". */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ben', 'mac', 'st', 'st.']);


function key(tokens: Token[], from: number, to: number): string {
  let out = tokens[from]!.text;
  for (let i = from + 1; i < to; i++) out += ' ' + tokens[i]!.text;
  return out;
}

/** Rewrites `ctx.tags` for one reading per name and surname (see the module comment). */
export function harmoniseDocumentNames(ctx: DocumentNameContext): void {
  const { tokens, tags, casing } = ctx;
  const spans = spansFromBio(tokens, tags);
  if (spans.length === 0) return;

  // 1. Votes: name → label → weight.
  const votes = new Map<string, Map<string, number>>();
  const vote = (name: string, label: string, weight: number): void => {
    let m = votes.get(name);
    if (!m) votes.set(name, (m = new Map()));
    m.set(label, (m.get(label) ?? 0) + weight);
  };
  for (const s of spans) {
    if (s.label === 'MISC') continue;
    vote(key(tokens, s.from, s.to), s.label, 1);
    if (s.label === 'PER' && s.to - s.from >= 2) {
      const last = tokens[s.to - 1]!.text;
      if (CAPITALISED.test(last) && last.length > 1 && !PARTICLES.has(last.toLowerCase())) {
        vote(last, 'PER', 3);
      }
    }
  }
  const winner = new Map<string, string>();
  for (const [name, m] of votes) {
    let best = '';
    let bestWeight = -1;
    for (const [label, w] of m) if (w > bestWeight) [best, bestWeight] = [label, w];
    winner.set(name, best);
  }

  // Relabel the minority readings.
  for (const s of spans) {
    if (s.label === 'MISC') continue;
    const label = winner.get(key(tokens, s.from, s.to));
    // Places and organisations share names by right ("Leeds" the club, "Leeds" the city): only a person's
    // name is read one way throughout.
    if (!label || label === s.label || (label !== 'PER' && s.label !== 'PER')) continue;
    // A country keeps its reading beside a namesake: "Michael Jordan flew to Jordan".
    if (s.label === 'LOC' && lookupCountry(key(tokens, s.from, s.to))) continue;
    for (let i = s.from; i < s.to; i++) tags[i] = (i === s.from ? 'B-' : 'I-') + label;
  }

  // 2. Untagged occurrences of known names, longest names first.
  const byFirstWord = new Map<string, Array<{ words: string[]; label: string }>>();
  for (const [name, label] of winner) {
    const words = name.split(' ');
    if (words.length === 1 && (isEverydayWord(words[0]!, casing) || !CAPITALISED.test(words[0]!) || words[0]!.length < 2)) continue;
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ words, label });
    byFirstWord.set(words[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  // A neighbour that makes the match part of a longer, unknown name: capitalised, untagged, neither an everyday
  // word ("Then Scholz said") nor a title ("Mr Scholz", "Chancellor Scholz").
  const extendsName = (i: number): boolean => {
    const w = tokens[i]?.text ?? '';
    return tags[i] === 'O' && CAPITALISED.test(w) && !isEverydayWord(w, casing) && !isTitleWord(w);
  };
  for (const [from, to] of ctx.sentences) {
    for (let i = from; i < to; i++) {
      if (tags[i] !== 'O') continue;
      const candidates = byFirstWord.get(tokens[i]!.text);
      if (!candidates) continue;
      for (const { words, label } of candidates) {
        const end = i + words.length;
        if (end > to) continue;
        let match = true;
        for (let k = 0; k < words.length && match; k++) match = tokens[i + k]!.text === words[k] && tags[i + k] === 'O';
        if (!match) continue;
        // Inside a longer run of capitalised words it belongs to another name ("Scholz Foundation").
        if ((i > from && extendsName(i - 1)) || (end < to && extendsName(end))) continue;
        for (let k = i; k < end; k++) tags[k] = (k === i ? 'B-' : 'I-') + label;
        i = end - 1;
        break;
      }
    }
  }
}
