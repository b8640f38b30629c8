/**
 * Titles split from names. The tagger, trained on text where "Secretary of State" rarely precedes a name, reads
 * "Secretary of State Antony Blinken" as the organisation "State Antony Blinken" and "NATO Secretary General
 * Jens Stoltenberg" as one organisation. A title phrase inside (or just before) a span, followed by capitalised
 * words, marks those words as the person; what stands before the title is the organisation or country they serve.
 */
import { titleLengthsAt } from '../resolve/person-titles.js';
import { lookupCountry } from './countries.js';
import { ORG_HEADS } from './refine.js';
import { isInstitutionHead } from './institution-names.js';
import type { LabelledSpan } from './spans.js';
import type { Token } from './tokenize.js';

const CAPITALISED = /^\p{Lu}/u;
/** A generation after a name: "King" before "Jr." is Martin Luther King's surname, not a title. */
const GENERATION = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** Roles held for a person as often as for a body: aides, advisers, spokesmen, lawyers, coaches. */
const PERSONAL_ROLES = new Set(['aide', 'adviser', 'advisor', 'spokesman', 'spokeswoman', 'spokesperson', 'lawyer', 'attorney', 'coach', 'ally', 'biographer']);

/** The title phrase that ends last inside the span (and starts at most three tokens before it), or undefined. */
function lastTitle(span: LabelledSpan, tokens: Token[]): { from: number; to: number } | undefined {
  let found: { from: number; to: number } | undefined;
  for (let p = Math.max(0, span.from - 3); p < span.to - 1; p++) {
    // The longest title here that ends inside the span with a word left after it.
    const length = titleLengthsAt(tokens, p, true).find((n) => p + n > span.from && p + n < span.to);
    if (length !== undefined && (!found || p + length > found.to)) found = { from: p, to: p + length };
  }
  return found;
}

export function splitTitledSpans(spans: LabelledSpan[], tokens: Token[]): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  const part = (label: string, from: number, to: number): LabelledSpan => ({ label, from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end });
  for (const span of spans) {
    if (span.label !== 'ORG' && span.label !== 'PER') {
      out.push(span);
      continue;
    }
    const title = lastTitle(span, tokens);
    if (!title) {
      out.push(span);
      continue;
    }
    // The name: the capitalised words after the title, up to the first that is not ("Jens Stoltenberg in Brussels").
    let nameEnd = title.to;
    while (nameEnd < span.to && CAPITALISED.test(tokens[nameEnd]!.text)) nameEnd++;
    const nameWords = nameEnd - title.to;
    const prefix = title.from > span.from;
    const lastWord = tokens[nameEnd - 1]!.text.toLowerCase();
    // An organisation named after a title ("General Motors", "King Abdullah University") is no person: ask for a
    // first and last name after the title, and no institutional head noun at the end.
    const onlyGeneration = tokens.slice(title.to, nameEnd).every((t) => GENERATION.test(t.text));
    const personLike = nameWords >= 1 && !onlyGeneration && !ORG_HEADS.has(lastWord) && !isInstitutionHead(tokens[nameEnd - 1]!.text) && !lookupCountry(tokens.slice(title.to, nameEnd).map((t) => t.text).join(' '));
    // A person's span that holds a whole title ("President Lee") keeps it: resolution strips it. One that starts
    // inside a title ("State Antony Blinken" after "Secretary of") cannot be stripped later, so it is cut here.
    const startsInsideTitle = title.from < span.from;
    if (!personLike || (span.label === 'ORG' && nameWords < 2) || (span.label === 'PER' && !prefix && !startsInsideTitle)) {
      out.push(span);
      continue;
    }
    if (prefix) {
      const before = tokens.slice(span.from, title.from).map((t) => t.text).join(' ');
      // Before a role a person can hold for another person ("Blair aide Alastair Campbell"), a name the tagger
      // read as a person stays one; before any other role it is who the person serves.
      const servesPerson = span.label === 'PER' && PERSONAL_ROLES.has(tokens.slice(title.from, title.to).map((t) => t.text.toLowerCase()).join(' '));
      out.push(part(lookupCountry(before) ? 'LOC' : servesPerson ? 'PER' : 'ORG', span.from, title.from));
    }
    out.push(part('PER', title.to, nameEnd));
  }
  return out;
}
