/**
 * A body that bears a country's name is that country's, when the sentence names the country too: "the Haitian
 * Parliament's declaration ... president of Haiti", "the Bulgarian Socialist Party and ... in Bulgaria", "the
 * Phnom Penh government ... in Cambodia". An institution is PART_OF it, any other body (a party, a firm) BASED_IN
 * it. The name is read word by word through the country gazetteer (names, demonyms, capitals), so the rule knows
 * no particular body. The neighbouring-pair rules (relation-rules.ts) read the country beside the body ("the
 * Ruritanian army"); here the two may stand anywhere in the sentence.
 */
import type { Relation, Span } from '../../../core/src/model.js';
import { lookupCountry } from '../nlp/countries.js';
import { isInstitutionName, notBasedThere } from './relation-rules.js';
import type { Slot } from './sentence-slots.js';

/** The country whose name, demonym or capital is one or two of the name's words ("Phnom Penh government"), if any. */
function countryInName(name: string): string | undefined {
  const words = name.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    for (const w of [words.slice(i, i + 2).join(' '), words[i]!]) {
      const country = lookupCountry(w.replace(/[’']s$/u, ''));
      if (country) return country.iso2;
    }
  }
  return undefined;
}

/** PART_OF or BASED_IN from each body of the sentence to the country its name bears, when that country is named there. */
export function namesakeBodies(text: string, sentence: Span, slots: Slot[], orgName: (id: string) => string): Relation[] {
  // Every mention of each country: one entity in an article ("Sofia ... Bulgaria" are both BG), the same fact once.
  const countries = new Map<string, Slot[]>();
  for (const s of slots) {
    const iso2 = s.type === 'Country' ? lookupCountry(text.slice(s.start, s.end))?.iso2 : undefined;
    if (iso2) countries.set(iso2, [...(countries.get(iso2) ?? []), s]);
  }
  if (countries.size === 0) return [];
  const out: Relation[] = [];
  const evidence = { start: sentence.start, end: sentence.end };
  for (const body of slots) {
    if (body.type !== 'Organization' || body.refers) continue;
    const name = orgName(body.id);
    const named = countries.get(countryInName(name) ?? '');
    if (!named || notBasedThere(name, text.slice(body.end, body.end + 40))) continue;
    const type = isInstitutionName(name) ? 'PART_OF' : 'BASED_IN';
    for (const target of new Set(named.map((s) => s.id))) out.push({ type, source: body.id, target, evidence });
  }
  return out;
}
