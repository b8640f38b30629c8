/**
 * "Germany's ThyssenKrupp", "South Korea's Hyundai Motor", "Iraq's Oil Ministry": business and world news name a
 * firm or body by its country's possessive, and sports news a player ("Russia's Svetlana Cherkasova"). The
 * tagger, trained mostly on sports results, reads the name after the possessive as the rest of the country
 * ("Germany 's Hexal" one place, then dropped as no country) or as nothing at all, and loses both. A capitalised
 * name right after a country's possessive that the tagger did not already call a body or a person is read again
 * alone, in a neutral sentence, where the tagger's word features decide: a person's name becomes a person, any
 * other a body. Not a title ("Australia's PM"), a date ("Britain's January figures"), a place ("Spain's
 * Catalonia"), a group of people ("Dominica's Carib Indians"), the first part of a person's name with a particle
 * ("South Africa's Os du Randt") or a word usually written in lower case ("France's Total", "Russia's Gold")
 * unless an institution's head noun ends it ("Iraq's Oil Ministry").
 */
import { lookupCountry } from './countries.js';
import { hasTag } from './compromise-tags.js';
import { ORG_HEADS } from './refine.js';
import { isTitleWord } from '../resolve/person-titles.js';
import type { Token } from './tokenize.js';

const POSSESSIVE = /^['’]s$/i;
const CAPITALISED = /^\p{Lu}/u;
/** Lower-case words that may join a name's capitalised words: "Department for International Development". */
const JOINERS = new Set(['of', 'for', 'and', '&']);
/** Titles the title list leaves out, as they stand after a country: "Australia's PM, John Howard". */
const TITLE_ABBREVIATIONS = new Set(['PM', 'MP', 'MPs', 'MEP', 'MEPs']);
/** Particles inside a person's name: "Os du Randt", "Ruud van Nistelrooy". */
const NAME_PARTICLES = new Set(['du', 'de', 'da', 'di', 'van', 'von', 'der', 'den', 'le', 'la', 'bin', 'al', 'el', 'ibn']);
/** Longest name read after the possessive, in words. */
const MAX_WORDS = 6;

/** Whether the words tagged as a place right before `possessive` name a country (not by its capital or demonym). */
function followsCountry(tokens: Token[], tags: string[], possessive: number): boolean {
  let from = possessive - 1;
  if (from < 0 || !tags[from]!.endsWith('LOC')) return false;
  while (from > 0 && tags[from] === 'I-LOC') from--;
  if (!tags[from]!.endsWith('LOC')) return false;
  const via = lookupCountry(tokens.slice(from, possessive).map((t) => t.text).join(' '))?.via;
  return via === 'name' || via === 'abbreviation';
}

/** End (exclusive) of the capitalised name starting at `from`, joiners inside it allowed; `from` when there is none. */
function nameEnd(tokens: Token[], tags: string[], from: number): number {
  let end = from;
  for (let k = from; k < tokens.length && k - from < MAX_WORDS; k++) {
    const { text } = tokens[k]!;
    // A person, or the next country ("the UK's Corus and France's Arcelor"), is not part of the name.
    if (tags[k]!.endsWith('PER') || (tags[k] === 'B-LOC' && lookupCountry(text))) break;
    if (CAPITALISED.test(text)) end = k + 1;
    else if (!(JOINERS.has(text) && end === k && CAPITALISED.test(tokens[k + 1]?.text ?? ''))) break;
  }
  return end;
}

/** Whether tokens [from, to) may be an actor's whole name: none of the things listed at the top. */
function mayBeActor(tokens: Token[], tags: string[], compromiseTags: string[], casing: Map<string, string>, from: number, to: number): boolean {
  const words = tokens.slice(from, to).map((t) => t.text);
  if (isTitleWord(words[0]!) || TITLE_ABBREVIATIONS.has(words[0]!) || lookupCountry(words.join(' '))) return false;
  for (let k = from; k < to; k++) {
    if (tags[k]!.endsWith('MISC') || hasTag(compromiseTags[k], 'Date', 'Place', 'City', 'Region', 'Country')) return false;
  }
  const next = tokens[to]?.text ?? '';
  if (NAME_PARTICLES.has(next) && CAPITALISED.test(tokens[to + 1]?.text ?? '')) return false;
  const endsInstitution = to - from > 1 && ORG_HEADS.has(words[words.length - 1]!.toLowerCase());
  const usuallyLower = /^[Ll]$/.test(casing.get(words[0]!.toLowerCase()) ?? '');
  return endsInstitution || !usuallyLower;
}

/** How the tagger reads a name on its own: 'PER' for a person's name, else anything. */
export type ReadAlone = (name: string) => string;

/**
 * Rewrites `tags` in place: the name after a country's possessive becomes B-PER / I-PER when `readAlone` reads it
 * as a person's, else B-ORG / I-ORG.
 */
export function tagCountryPossessiveNames(
  tokens: Token[],
  tags: string[],
  compromiseTags: string[],
  casing: Map<string, string>,
  readAlone: ReadAlone,
): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!POSSESSIVE.test(tokens[i]!.text) || !followsCountry(tokens, tags, i)) continue;
    const from = i + 1;
    // Already read as a body or a person: the tagger's reading stands.
    if (tags[from] === 'B-ORG' || tags[from]!.endsWith('PER')) continue;
    const to = nameEnd(tokens, tags, from);
    if (to === from || !mayBeActor(tokens, tags, compromiseTags, casing, from, to)) continue;
    // A given name the tagger left out of the person it found next: "Ireland's Taniesha Scanlon".
    const personFollows = tags[to] === 'B-PER';
    const label = personFollows || readAlone(tokens.slice(from, to).map((t) => t.text).join(' ')) === 'PER' ? 'PER' : 'ORG';
    tags[i] = 'O';
    for (let k = from; k < to; k++) tags[k] = `${k === from ? 'B' : 'I'}-${label}`;
    if (personFollows) tags[to] = 'I-PER';
    i = to - 1;
  }
}
