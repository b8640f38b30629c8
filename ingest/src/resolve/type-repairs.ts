/**
 * Type slips of the mention stage that the article itself settles: an
 * expansion before its bracketed acronym is an organisation, and a "person"
 * or "organisation" that is really a country the article names ("the South",
 * "Pyongyang’s Incentive" in a subheading) joins that country.
 */
import type { Mention } from '../../../core/src/model.js';
import { cachedKey as surfaceKey } from './cached-key.js';
import type { EntityGroup } from './entity-group.js';
import { acronymLetters, cleanOrganizationName, lettersFit } from './group-organizations.js';

const words = (s: string) => s.trim().split(/\s+/).length;

/** "The Organization of American States (OAS)" read as a person (or its acronym as one) is an organisation. */
export function expansionsAsOrganizations(text: string, mentions: Mention[]): Mention[] {
  const out = [...mentions];
  for (let i = 0; i + 1 < out.length; i++) {
    const [m, next] = [out[i]!, out[i + 1]!];
    if (m.type === 'Country' || next.type === 'Country' || next.start - m.end > 3 || !/^\s*\(\s*$/.test(text.slice(m.end, next.start))) continue;
    if (m.type === 'Organization' && next.type === 'Organization') continue;
    const acronym = acronymLetters(next.text.trim());
    // People have no bracketed acronyms; organisations do, whichever of the two the tagger got wrong.
    if (acronym && words(m.text) >= 2 && lettersFit(acronym, cleanOrganizationName(m.text))) {
      out[i] = { ...m, type: 'Organization' };
      out[i + 1] = { ...next, type: 'Organization' };
    }
  }
  return out;
}

/**
 * "The North" / "the South" in an article naming exactly one country called
 * "North ..." / "South ..." is that country: the usual shorthand in news on
 * the Koreas or the Sudans.
 */
function compassCountry(mention: Mention, countries: EntityGroup[]): EntityGroup | undefined {
  const word = /^(?:the\s+)?(north|south|east|west)(?:[’']s)?$/i.exec(mention.text.trim())?.[1];
  if (!word) return undefined;
  const named = countries.filter((g) => new RegExp(`^${word}\\s`, 'i').test(g.name));
  return named.length === 1 ? named[0] : undefined;
}

/** Moves country-like person/organisation mentions into their country group; returns the rest by type. */
export function foldIntoCountries(mentions: Mention[], countries: EntityGroup[]): { people: Mention[]; organizations: Mention[] } {
  const bySpelling = new Map(countries.flatMap((g) => [g.name, ...g.spellings].map((s) => [surfaceKey(s), g] as const)));
  const people: Mention[] = [];
  const organizations: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'Country') continue;
    // Only organisations by spelling: "Jordan" the person is not Jordan the country.
    const country = (m.type === 'Organization' ? bySpelling.get(surfaceKey(m.text)) : undefined) ?? compassCountry(m, countries);
    if (country) {
      country.mentions.push({ ...m, type: 'Country' });
      country.spellings.push(m.text.trim().replace(/^the\s+/i, '').replace(/[’']s$/u, ''));
    } else (m.type === 'Person' ? people : organizations).push(m);
  }
  return { people, organizations };
}
