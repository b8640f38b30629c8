/**
 * The parties in a case's title: "Biden versus Nebraska", "Wade v. Jacobs", "Lynch v. Overholser". A lone
 * capitalised word beside "v." or "versus" is a party, and a party that is no place is a person, however the tagger
 * read it (it often takes an unfamiliar surname there for a place: "Wade/LOC v. Jacobs"). Places compromise knows
 * ("Nebraska") or teams ("Arsenal"), and names of more than one word, keep their reading.
 */
import { hasTag } from './compromise-tags.js';
import { lookupCountry } from './countries.js';
import type { Token } from './tokenize.js';
import { isFunctionWord } from './word-classes.js';

/** "v." with its period: "v" alone is the sports fixture's ("Chelsea v Arsenal"), whose sides are teams. */
const VERSUS = /^(v\.|vs\.|versus)$/i;
const CAPITALISED = /^\p{Lu}/u;

/** Whether token `i` is one capitalised word standing alone as a party: no longer name runs on from it. */
function isLoneParty(tokens: Token[], tags: string[], compromiseTags: string[], i: number): boolean {
  const word = tokens[i]?.text ?? '';
  if (!/^\p{Lu}\p{Ll}/u.test(word) || isFunctionWord(word) || hasTag(compromiseTags[i], 'Place', 'City', 'Region', 'Country', 'Organization', 'SportsTeam') || lookupCountry(word)) return false;
  if (tags[i] === 'O') return !CAPITALISED.test(tokens[i - 1]?.text ?? '') && !CAPITALISED.test(tokens[i + 1]?.text ?? '');
  return tags[i]!.startsWith('B-') && !tags[i + 1]?.startsWith('I-');
}

/** Rewrites `tags` in place: lone parties beside "v." or "versus" become people. */
export function tagCaseParties(tokens: Token[], tags: string[], compromiseTags: string[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (!VERSUS.test(tokens[i]!.text)) continue;
    for (const side of [i - 1, i + 1]) if (isLoneParty(tokens, tags, compromiseTags, side)) tags[side] = 'B-PER';
  }
}
