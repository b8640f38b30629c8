/**
 * Countries a headline names, read with the gazetteer alone: the tagger is
 * trained on prose, and headline capitals ("Rejects South Korean President’s
 * Peace Offer") fool it. Headline spans are not offsets into the text; they
 * only add spellings to entities the text names, and qualify titles.
 */
import type { ExtractedEntity, Mention } from '../../../core/src/model.js';
import { lookupCountry } from '../nlp/countries.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu;

/** Country mentions in a headline, longest phrase first, left to right, offsets into the headline. */
export function headlineCountries(headline: string): Mention[] {
  const words = [...headline.matchAll(WORD)].map((m) => {
    const text = m[0].replace(/[’']s?$/u, '').replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(m[0]) ? dot : ''));
    return { text, start: m.index!, end: m.index! + text.length };
  });
  const found: Mention[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(3, words.length - i); n >= 1 && !matched; n--) {
      const [first, last] = [words[i]!, words[i + n - 1]!];
      const phrase = headline.slice(first.start, last.end);
      // Words must be contiguous (a space apart), not across punctuation.
      if (n > 1 && !/^[\p{L}\p{N}.’'-]+(?: [\p{L}\p{N}.’'-]+)*$/u.test(phrase)) continue;
      const entry = /^\p{Lu}/u.test(phrase) ? lookupCountry(phrase) : undefined;
      if (!entry) continue;
      found.push({ start: first.start, end: last.end, text: phrase, type: 'Country', iso2: entry.iso2, via: entry.via, canonical: entry.canonical });
      matched = n;
    }
    i += matched || 1;
  }
  return found;
}

/** A country spelling seen in the headline is an alias of the country the text names ("South Korean"). */
export function addHeadlineSpellings(entities: ExtractedEntity[], countries: Mention[]): void {
  for (const mention of countries) {
    const entity = entities.find((e) => e.type === 'Country' && e.iso2 === mention.iso2);
    if (!entity) continue;
    const seen = new Set([entity.name, ...entity.aliases].map((s) => s.toLowerCase()));
    if (!seen.has(mention.text.toLowerCase())) entity.aliases.push(mention.text);
  }
}
