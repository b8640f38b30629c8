/**
 * Tags the shipped organisations' names and short forms (resolve/known-organisations.ts) where the tagger left
 * them untagged: "The White House declined to comment", "the Fed held rates". Exact case, whole tokens, and only
 * where no other name overlaps.
 */
import { organisationsOnSight } from '../resolve/known-organisations.js';
import { lookupCountry } from './countries.js';
import { tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';

interface Form {
  words: string[];
  afterThe: boolean;
}

let byFirstWord: Map<string, Form[]> | undefined;
let oneWord: Set<string> | undefined;

/** Every one-word form of a shipped organisation ("Commons", "Democrats", "Fed"). */
function oneWordForms(): Set<string> {
  oneWord ??= new Set([...forms().values()].flat().filter((f) => f.words.length === 1).map((f) => f.words[0]!));
  return oneWord;
}

function forms(): Map<string, Form[]> {
  if (byFirstWord) return byFirstWord;
  byFirstWord = new Map();
  for (const { form, afterThe } of organisationsOnSight()) {
    const words = tokenize(form).map((t) => t.text);
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ words, afterThe });
    byFirstWord.set(words[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

/** Tokens that end a sentence: a capitalised word after one opens the next sentence. */
const SENTENCE_END = /^[.!?:;"“”]$/;

/**
 * "Creative/O Commons/PER", "Free/O Democrats/ORG": a one-word known name the tagger began after capitalised
 * words it left untagged is the end of a longer name, not the shipped organisation ("Commons" is the House of
 * Commons, "Democrats" the US party). The name grows back over those words, mid-sentence, unless the word before
 * is "The" or a country ("US Democrats" are the party).
 */
function growCutNames(tokens: Token[], tags: string[], oneWordForms: Set<string>): void {
  for (let i = 1; i < tokens.length; i++) {
    if (!/^B-(?:ORG|MISC|PER)$/.test(tags[i]!) || tags[i + 1]?.startsWith('I-') || !oneWordForms.has(tokens[i]!.text)) continue;
    let from = i;
    while (from > 0 && tags[from - 1] === 'O' && /^\p{Lu}/u.test(tokens[from - 1]!.text) && !/^the$/i.test(tokens[from - 1]!.text)) from--;
    const opensSentence = from === 0 || SENTENCE_END.test(tokens[from - 1]!.text);
    if (from === i || opensSentence || lookupCountry(tokens[i - 1]!.text)) continue;
    for (let k = from; k <= i; k++) tags[k] = k === from ? 'B-ORG' : 'I-ORG';
  }
}

/** Rewrites `tags` in place: untagged (or cut short) known organisations become B-ORG/I-ORG. */
export function tagKnownOrganisations(tokens: Token[], tags: string[]): void {
  const known = forms();
  growCutNames(tokens, tags, oneWordForms());
  for (let i = 0; i < tokens.length; i++) {
    // Untagged, or a one-word name the tagger cut short ("House" of "a House of Commons motion").
    const cutShort = tags[i]!.startsWith('B-') && !tags[i + 1]?.startsWith('I-');
    if (tags[i] !== 'O' && !cutShort) continue;
    const candidates = known.get(tokens[i]!.text);
    if (!candidates) continue;
    for (const { words, afterThe } of candidates) {
      const end = i + words.length;
      if (end > tokens.length) continue;
      if (afterThe && tokens[i - 1]?.text.toLowerCase() !== 'the') continue;
      let match = true;
      // Its later words untagged, or read as a group of people ("Liberal/O Democrats/MISC").
      const free = (k: number) => k === 0 || tags[i + k] === 'O' || tags[i + k]!.endsWith('MISC');
      for (let k = 0; k < words.length && match; k++) match = tokens[i + k]!.text === words[k] && free(k);
      // A one-word name is only grown into a longer known name, never retyped as a known name of its own length.
      if (cutShort && words.length === 1) continue;
      // A longer capitalised name around it is another name ("Fed Cup", "White House Press Corps").
      if (!match || /^\p{Lu}/u.test(tokens[end]?.text ?? '')) continue;
      for (let k = i; k < end; k++) tags[k] = k === i ? 'B-ORG' : 'I-ORG';
      i = end - 1;
      break;
    }
  }
}
