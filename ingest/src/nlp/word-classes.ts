/**
 * What kind of word a word is, asked of the two vocabularies every rule shares: compromise's lexicon (a word's
 * tag before any context) and the training text's casing table ("L" almost always lower case, "l" mostly).
 */
import nlp from 'compromise';

const LEXICON = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** compromise's lexicon tag for a lower-cased word, or undefined when the lexicon does not know it. */
export function lexiconTag(lower: string): string | undefined {
  const entry = LEXICON[lower];
  return Array.isArray(entry) ? entry[0] : entry;
}

const FUNCTION_POS = new Set(['Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'QuestionWord', 'Expression']);
const NOUN_POS = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Adjective']);

/** An adverb, conjunction or other function word by the lexicon ("However", "Meanwhile"). */
export function isFunctionWord(word: string): boolean {
  const tag = lexiconTag(word.toLowerCase());
  return tag !== undefined && FUNCTION_POS.has(tag);
}

/** A noun or adjective by the lexicon, not a verb ("music", "hotel"). */
export function isOrdinaryNoun(word: string): boolean {
  const tag = lexiconTag(word.toLowerCase());
  return tag !== undefined && NOUN_POS.has(tag);
}

/**
 * A word the training text mostly writes in lower case ("Will", "Best", "Then"), or, when it never saw the word
 * often enough, a function word by the lexicon: capitalised, it is more likely a sentence's first word than a name.
 */
export function isEverydayWord(word: string, casing: Map<string, string>): boolean {
  const c = casing.get(word.toLowerCase());
  return c === 'L' || c === 'l' || (c === undefined && isFunctionWord(word));
}
