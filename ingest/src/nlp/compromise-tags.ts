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

/**
 * compromise's lexicon and word-shape tagging only. Its post-tagger (grammar
 * corrections) and chunker are more than half of its cost, and the mention
 * tagger is trained on exactly these tags, so it learns what they would fix.
 */
const LEXICAL_HOOKS = ['index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo'];

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
      let tags = '';
      for (const tag of KEPT_ORDER) if (term.tags.has(tag)) tags = tags ? tags + ' ' + tag : tag;
      for (let k = t; k < tokens.length && tokens[k]!.start < end; k++) out[k] = tags;
    }
  }
  return out;
}
