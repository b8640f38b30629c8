/**
 * A word with a capital inside ("YouTube", "LibriVox", "SiriusXM", "PayPal") is a brand's name: a firm or its
 * service. The tagger learned names from 1996 newswire, where such words were rare, and leaves them untagged. Mid-
 * sentence and untagged, or read as a miscellaneous name ("an American YouTube personality"), one becomes an
 * organisation, unless it opens like a surname ("McDonald", "DeSantis",
 * "LeBron", "MacArthur"). Products among them ("PlayStation") are dropped later, with the other non-actors.
 */
import type { Token } from './tokenize.js';

/** A capital, two lower-case letters or more, a capital inside: "YouTube", not "PhD". */
const CAMEL_CASE = /^\p{Lu}\p{Ll}{2,}\p{Lu}\p{L}*$/u;
/** "YouTubers", "WikiLeakers": the people who use the brand, not the brand. */
const PEOPLE_OF_IT = /ers$/;
const SURNAME_OPENING = /^(Mc|Mac|De|Le|La|Di|Du|Da|Van|Von)\p{Lu}/u;
const SENTENCE_END = /^[.!?:;"“”]$/;

/** Rewrites `tags` in place: untagged or miscellaneous mid-sentence brand words become B-ORG. */
export function tagCamelCaseBrands(tokens: Token[], tags: string[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const word = tokens[i]!.text;
    const untaggedOrMisc = tags[i] === 'O' || (tags[i] === 'B-MISC' && tags[i + 1] !== 'I-MISC');
    if (!untaggedOrMisc || !CAMEL_CASE.test(word) || PEOPLE_OF_IT.test(word) || SURNAME_OPENING.test(word) || SENTENCE_END.test(tokens[i - 1]!.text)) continue;
    tags[i] = 'B-ORG';
  }
}
