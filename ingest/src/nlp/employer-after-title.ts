/**
 * "Elon Musk, the chief executive of Tesla": a job title followed by "of" names the employer, a cue the tagger
 * misses when the employer's name looks like anything else (a surname, a word). The capitalised run after
 * "<title> of [the]" is tagged an organisation when the tagger left it untagged (or read it as a place or a
 * thing), it is no country, and the
 * whole phrase is not itself a title ("Secretary of State") or a ministry's remit ("Minister of Finance").
 */
import { jobTitleEndsAt } from '../resolve/person-titles.js';
import { lookupCountry } from './countries.js';
import type { Token } from './tokenize.js';
import { isEverydayWord } from './word-classes.js';

const CAPITALISED = /^\p{Lu}/u;

/** Rewrites `tags` in place; `casing` is the training text's casing table (see word-classes). */
export function tagEmployersAfterTitles(tokens: Token[], tags: string[], casing: Map<string, string>): void {
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.text !== 'of' || !jobTitleEndsAt(tokens, i)) continue;
    let from = i + 1;
    if (tokens[from]?.text.toLowerCase() === 'the') from++;
    let to = from;
    // Untagged, or read as a place or a thing ("Tesla" the inventor's name as MISC): the title settles it.
    while (to < tokens.length && /^(O|[BI]-(LOC|MISC))$/.test(tags[to]!) && CAPITALISED.test(tokens[to]!.text)) to++;
    if (to === from) continue;
    const name = tokens.slice(from, to).map((t) => t.text).join(' ');
    if (lookupCountry(name)) continue;
    if (to - from === 1 && isEverydayWord(name, casing)) continue;
    // The whole phrase is itself a title: "Secretary of State".
    if (jobTitleEndsAt(tokens, to)) continue;
    for (let k = from; k < to; k++) tags[k] = k === from ? 'B-ORG' : 'I-ORG';
    i = to - 1;
  }
}
