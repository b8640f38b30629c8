/**
 * Names with a number in them, which the tagger, having learned that a number is no name, cuts in two:
 * - broadcasters ("Channel 4", "Radio 4", "BBC Radio One"): it leaves "Channel" or "Radio" alone, an organisation
 *   no one can place; the number joins the name. Only these two heads: a club before a number is a score
 *   ("Chelsea 2").
 * - names that open with a number word ("the Six Nations"): it reads the rest as a person
 *   ("Nations"). No person's name opens with "Six": the whole is a miscellaneous name, a competition or a group.
 */
import type { Token } from './tokenize.js';

const HEADS = new Set(['Channel', 'Radio']);
const NUMBER = /^(?:\d{1,2}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)$/;
const NUMBER_WORD = /^(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)$/;

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

/** Rewrites `tags` in place: a number word and the person-tagged name right after it become one MISC name. */
export function tagNumberedNames(tokens: Token[], tags: string[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!NUMBER_WORD.test(tokens[i]!.text) || tags[i] !== 'O' || tags[i + 1] !== 'B-PER') continue;
    tags[i] = 'B-MISC';
    for (let k = i + 1; k < tokens.length && (k === i + 1 || tags[k] === 'I-PER'); k++) tags[k] = 'I-MISC';
  }
}
