/**
 * "Celeste Pollock", "Chelsea McCombs": a given name and a surname the tagger read as a firm, because the surname is
 * unfamiliar and the text around it (a list of counsel, "on behalf of") reads like one. Two words, the first a given
 * name compromise knows and the second no given name, no organisation compromise knows and no institutional word,
 * are a person's name. Firms named that way ("Morgan Stanley": both given names) keep their type, and the shipped
 * list of organisations still wins afterwards.
 */
import { hasTag } from './compromise-tags.js';
import type { Token } from './tokenize.js';

const SURNAME_SHAPE = /^\p{Lu}[\p{Ll}'’]*(\p{Lu}\p{Ll}+)?$/u;

/** Rewrites `tags` in place: two-word organisations shaped like a given name and a surname become people. */
export function tagGivenNamePeople(tokens: Token[], tags: string[], compromiseTags: string[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tags[i] !== 'B-ORG' || tags[i + 1] !== 'I-ORG' || tags[i + 2] === 'I-ORG') continue;
    const [given, surname] = [compromiseTags[i], compromiseTags[i + 1]];
    const organisation = (tags: string | undefined) => hasTag(tags, 'Organization', 'Company', 'School', 'SportsTeam');
    if (!hasTag(given, 'FirstName') || hasTag(surname, 'FirstName') || organisation(given) || organisation(surname)) continue;
    if (!SURNAME_SHAPE.test(tokens[i + 1]!.text) || !SURNAME_SHAPE.test(tokens[i]!.text)) continue;
    tags[i] = 'B-PER';
    tags[i + 1] = 'I-PER';
  }
}
