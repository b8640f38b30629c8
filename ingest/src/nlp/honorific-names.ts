/**
 * A name right after an honorific is a person's, whatever it looks like: "Dr. Guruswamy", "Lord Diplock", "Judge
 * Shanlyn Park", "Empress Jingū". The tagger knows the common names; an unfamiliar one after "Dr." it leaves untagged
 * or reads as a firm. The capitalised words after the honorific become a person's name, unless they are titles
 * themselves ("Mr. Chief Justice"), an institution ("Justice Department") or a country.
 * "St." is no honorific here: it opens cities and churches ("St. Louis", "St Mary's") as often as saints.
 */
import { HONORIFICS, isTitleWord } from '../resolve/person-titles.js';
import { lookupCountry } from './countries.js';
import { isNonActorName } from './non-actors.js';
import type { Token } from './tokenize.js';
import { isFunctionWord } from './word-classes.js';

const HONORIFIC = new Set([...HONORIFICS, 'emperor', 'empress']);
/** Words that make what follows an honorific an institution: "Justice Department", "Prince Foundation". */
const INSTITUTION_WORDS = /^(Department|Ministry|Foundation|Trust|Institute|University|College|School|Hospital|Fund|Party|Court|Street|Road)$/;
const CAPITALISED = /^\p{Lu}/u;
const MAX_NAME_WORDS = 3;

/** Rewrites `tags` in place: the untagged or non-person words of a name after an honorific become a person's. */
export function tagNamesAfterHonorifics(tokens: Token[], tags: string[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i]!.text;
    if (!CAPITALISED.test(word) || !HONORIFIC.has(word.toLowerCase().replace(/\.$/, ''))) continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= MAX_NAME_WORDS && CAPITALISED.test(tokens[end]!.text) && !isFunctionWord(tokens[end]!.text)) end++;
    if (end === i + 1 || tags[i + 1]!.endsWith('PER')) continue;
    // The tagger's span may open at the honorific ("Lord/LOC Diplock/LOC"); it must hold no more than the name.
    const spanOpensHere = tags[i]!.startsWith('B-');
    if (!spanOpensHere && tags[i] !== 'O' && !tags[i]!.endsWith('PER')) continue;
    // A name runs on past its honorific's reach, or into a longer tagged name: another kind of name.
    if (end - i > MAX_NAME_WORDS || tags[end]?.startsWith('I-')) continue;
    const words = tokens.slice(i + 1, end).map((t) => t.text);
    if (words.some((w) => isTitleWord(w) || INSTITUTION_WORDS.test(w)) || lookupCountry(words.join(' '))) continue;
    // A work or a thing named for someone: "Warhol's Prince Series".
    if (isNonActorName([word, ...words].join(' '))) continue;
    const from = spanOpensHere ? i : i + 1;
    for (let k = from; k < end; k++) tags[k] = (k === from ? 'B-' : 'I-') + 'PER';
    i = end - 1;
  }
}
