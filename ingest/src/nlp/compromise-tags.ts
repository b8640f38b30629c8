/** Runs compromise once over a text and hands each of our tokens the tags of the compromise term it falls in. */
import nlp from 'compromise';
import type { Token } from './tokenize.js';

/** The compromise tags worth a feature: name lexicons, places, organisations and coarse parts of speech. */
const KEPT = new Set([
  'Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific',
  'Organization', 'Company', 'School', 'SportsTeam',
  'Place', 'Country', 'City', 'Region', 'Demonym', 'Acronym', 'ProperNoun',
  'Verb', 'Adjective', 'Adverb', 'Preposition', 'Determiner', 'Pronoun', 'Conjunction',
  'Value', 'Date', 'Month', 'WeekDay', 'Plural', 'Actor', 'Possessive',
]);

const KEPT_ORDER = [...KEPT];

/** Each kept tag's bit: a term's kept tags as one number (31 tags fit a 32-bit integer's positive range). */
const KEPT_BIT = new Map(KEPT_ORDER.map((tag, i) => [tag, 1 << i]));
if (KEPT_ORDER.length > 31) throw new Error('compromise-tags: more kept tags than bits in a small integer');

/** The tag string of each set of kept tags met so far: terms share a few hundred sets, so each string is built once. */
const TAGS_OF_BITS = new Map<number, string>();

/** A term's kept tags, space-separated in KEPT_ORDER ('' when none). */
function keptTags(tags: Set<string>): string {
  let bits = 0;
  for (const tag of tags) bits |= KEPT_BIT.get(tag) ?? 0;
  let out = TAGS_OF_BITS.get(bits);
  if (out === undefined) {
    out = KEPT_ORDER.filter((tag) => (bits & KEPT_BIT.get(tag)!) !== 0).join(' ');
    TAGS_OF_BITS.set(bits, out);
  }
  return out;
}

/** Whether a token's kept tags (one string from `compromiseTags`) hold any of `names`: the repairs' one way to ask. */
export function hasTag(tags: string | undefined, ...names: string[]): boolean {
  if (!tags) return false;
  const held = tags.split(' ');
  return names.some((name) => held.includes(name));
}

/**
 * compromise's lexicon and word-shape tagging only. Its post-tagger (grammar
 * corrections) and chunker are more than half of its cost, and the mention
 * tagger is trained on exactly these tags, so it learns what they would fix.
 * Term ids ('id') and typeahead are left out too: over the BBC corpus no tag changes without them.
 */
const LEXICAL_HOOKS = ['index', 'freeze', 'lexicon', 'preTagger', 'contractionTwo'];

function lexicalTags(text: string): { document: Term[][] } {
  const doc = nlp.tokenize(text) as unknown as { compute(hooks: string[]): void; document: Term[][] };
  doc.compute(LEXICAL_HOOKS);
  return doc;
}

interface Term {
  pre: string;
  text: string;
  post: string;
  tags: Set<string>;
}

/**
 * For each token, the kept compromise tags of the term that covers its first character, as one
 * space-separated string in a fixed order ('' when none): one string per tag set keeps feature look-ups cheap.
 */
export function compromiseTags(text: string, tokens: Token[]): string[] {
  const out: string[] = new Array<string>(tokens.length).fill('');
  const doc = lexicalTags(text);
  let offset = 0;
  let t = 0;
  for (const sentence of doc.document) {
    for (const term of sentence) {
      // compromise keeps every character in pre + text + post; find the term where it really is in case it did not.
      let start = offset + term.pre.length;
      if (text.slice(start, start + term.text.length) !== term.text) {
        const found = text.indexOf(term.text, offset);
        if (found < 0) continue;
        start = found;
      }
      const end = start + term.text.length;
      offset = end + term.post.length;
      while (t < tokens.length && tokens[t]!.start < start) t++;
      if (t >= tokens.length) return out;
      const tags = keptTags(term.tags);
      for (let k = t; k < tokens.length && tokens[k]!.start < end; k++) out[k] = tags;
    }
  }
  return out;
}
