/**
 * Acronyms defined in the text: "Asia-Pacific Economic Cooperation (APEC)" tags the expansion and the acronym
 * with one type, and later bare "APEC"s get it too.
 */
import { lookupCountry } from './countries.js';
import type { Token } from './tokenize.js';

const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', '&', 'de', 'du', 'des', 'la', 'le', 'der', 'für']);
const ACRONYM = /^[A-Z][A-Za-z&]*[A-Z]$|^([A-Z]\.){2,}$/;

function initials(words: string[], splitHyphens: boolean): string {
  let out = '';
  for (const w of words) {
    if (CONNECTORS.has(w.toLowerCase())) continue;
    const parts = splitHyphens ? w.split('-') : [w];
    for (const p of parts) if (p) out += p[0]!.toUpperCase();
  }
  return out;
}

/** The first token of the expansion that ends right before `open` and spells `letters`, if any. */
function expansionStart(tokens: Token[], open: number, letters: string): number | undefined {
  let j = open;
  // Walk back over capitalised words and connectors, at most a dozen tokens.
  while (j > 0 && open - j < 12) {
    const w = tokens[j - 1]!.text;
    if (!/^\p{Lu}/u.test(w) && !CONNECTORS.has(w.toLowerCase())) break;
    j--;
  }
  for (let s = j; s < open; s++) {
    if (!/^\p{Lu}/u.test(tokens[s]!.text)) continue; // an expansion starts with a capitalised word
    const words = tokens.slice(s, open).map((t) => t.text);
    if (initials(words, true) === letters || initials(words, false) === letters) return s;
  }
  return undefined;
}

function entityType(tag: string | undefined): string | undefined {
  return tag && tag !== 'O' ? tag.slice(2) : undefined;
}

/** Rewrites `tags` (BIO, per token) in place for every "Expansion (ACRONYM)" pair and for later uses of the acronym. */
export function applyAcronyms(tokens: Token[], tags: string[]): void {
  const defined = new Map<string, string>();
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const acronym = tokens[i + 1]!.text;
    if (!ACRONYM.test(acronym)) continue;
    const letters = acronym.replace(/[^A-Z]/g, '');
    if (letters.length < 2 || letters.length > 10) continue;
    const start = expansionStart(tokens, i, letters);
    if (start === undefined) continue;
    const expansion = tokens.slice(start, i).map((t) => t.text).join(' ');
    const type = lookupCountry(expansion)?.via === 'name'
      ? 'LOC'
      : entityType(tags[i + 1]) ?? entityType(tags[start]) ?? 'ORG';
    for (let k = start; k < i; k++) tags[k] = k === start ? `B-${type}` : `I-${type}`;
    tags[i + 1] = `B-${type}`;
    // A span cut in two must not leave a dangling continuation behind it.
    if (tags[i]?.startsWith('I-')) tags[i] = 'O';
    if (tags[i + 2]?.startsWith('I-')) tags[i + 2] = 'O';
    if (tags[i + 3]?.startsWith('I-')) tags[i + 3] = `B-${tags[i + 3]!.slice(2)}`;
    defined.set(acronym, type);
  }
  if (!defined.size) return;
  for (let i = 0; i < tokens.length; i++) {
    const type = defined.get(tokens[i]!.text);
    if (type && tags[i] === 'O') {
      tags[i] = `B-${type}`;
      if (tags[i + 1]?.startsWith('I-')) tags[i + 1] = `B-${tags[i + 1]!.slice(2)}`;
    }
  }
}
