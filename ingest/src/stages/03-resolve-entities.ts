/**
 * Stage 3: mentions -> one entity per real actor in an article, with stable
 * ids; analysts' decisions (rejected strings, alias merges, retyping) win
 * over what the model would do.
 */
import type { AnalystDecisions, ExtractedEntity, Mention } from '../../../core/src/model.js';
import { aliasKey, surfaceKey } from '../../../core/src/entity-keys.js';
import { toEntity, type EntityGroup } from '../resolve/entity-group.js';
import { groupCountries } from '../resolve/group-countries.js';
import { acronymLetters, cleanOrganizationName, groupOrganizations, lettersFit } from '../resolve/group-organizations.js';
import { cleanPersonName, groupPeople } from '../resolve/group-people.js';
import { sentenceIndexOf, type TextAnalysis } from '../resolve/text-analysis.js';

export type { TextAnalysis } from '../resolve/text-analysis.js';

const NO_DECISIONS: AnalystDecisions = { aliases: new Map(), rejected: new Set(), retyped: new Map() };

/** The spelling a decision about this mention is keyed on (titles and "the" do not count). */
function decisionSurface(mention: Mention): string {
  return mention.type === 'Person' ? cleanPersonName(mention.text) : mention.text.trim().replace(/^the\s+/i, '');
}

/**
 * "The North" / "the South" (read as a person or an organisation) in an
 * article naming exactly one country called "North ..." / "South ..." is
 * that country: the usual shorthand in news on the Koreas or the Sudans.
 */
function compassCountry(mention: Mention, countries: EntityGroup[]): EntityGroup | undefined {
  const word = /^(?:the\s+)?(north|south|east|west)(?:[’']s)?$/i.exec(mention.text.trim())?.[1];
  if (!word) return undefined;
  const named = countries.filter((g) => new RegExp(`^${word}\\s`, 'i').test(g.name));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * A "person" right before a bracketed organisation acronym that abbreviates it
 * ("The Organization of American States (OAS)") is that organisation.
 */
function expansionsAsOrganizations(text: string, mentions: Mention[]): Mention[] {
  const out = [...mentions];
  for (let i = 0; i + 1 < out.length; i++) {
    const [m, next] = [out[i]!, out[i + 1]!];
    if (m.type === 'Country' || next.type === 'Country' || !/^\s*\(\s*$/.test(text.slice(m.end, next.start))) continue;
    if (m.type === 'Organization' && next.type === 'Organization') continue;
    const acronym = acronymLetters(next.text.trim());
    // People have no bracketed acronyms; organisations do, whichever of the two the tagger got wrong.
    if (acronym && parts(m.text) >= 2 && lettersFit(acronym, cleanOrganizationName(m.text))) {
      out[i] = { ...m, type: 'Organization' };
      out[i + 1] = { ...next, type: 'Organization' };
    }
  }
  return out;
}
const parts = (s: string) => s.trim().split(/\s+/).length;

export function resolveEntities(text: string, analysis: TextAnalysis, decisions: AnalystDecisions = NO_DECISIONS): ExtractedEntity[] {
  const mentions = expansionsAsOrganizations(text, analysis.mentions).filter(
    (m) => !decisions.rejected.has(surfaceKey(m.text)) && !decisions.rejected.has(surfaceKey(decisionSurface(m))),
  );
  const countries = groupCountries(mentions.filter((m) => m.type === 'Country'));
  // An "organisation" spelled exactly like a country the article names ("Pyongyang’s Incentive" in a
  // subheading read as an org) is that country: one node per actor.
  const countryBySpelling = new Map(countries.flatMap((g) => [g.name, ...g.spellings].map((s) => [surfaceKey(s), g] as const)));
  const organizations: Mention[] = [];
  const people: Mention[] = [];
  for (const m of mentions) {
    if (m.type === 'Country') continue;
    const country = (m.type === 'Organization' ? countryBySpelling.get(surfaceKey(m.text)) : undefined) ?? compassCountry(m, countries);
    if (country) {
      country.mentions.push({ ...m, type: 'Country' });
      country.spellings.push(m.text.trim().replace(/^the\s+/i, '').replace(/[’']s$/u, ''));
    } else (m.type === 'Person' ? people : organizations).push(m);
  }
  const { groups: personGroups, unresolved } = groupPeople(people, sentenceIndexOf(analysis.sentences, people));
  const groups: EntityGroup[] = [...personGroups, ...groupOrganizations(text, organizations), ...countries];

  // An analyst's alias decision names the id; groups that land on one id are merged.
  const byId = new Map<string, EntityGroup>();
  const ordered: EntityGroup[] = [];
  const place = (group: EntityGroup, id: string) => {
    const existing = byId.get(id);
    if (existing) {
      existing.mentions.push(...group.mentions);
      existing.spellings.push(...group.spellings);
      return;
    }
    byId.set(id, group);
    ordered.push(group);
  };
  for (const group of groups) {
    const surfaces = [group.name, ...group.spellings];
    const decided = surfaces.map((s) => decisions.aliases.get(aliasKey(group.type, s))).find(Boolean);
    if (decided) group.id = decided;
    place(group, toEntity(group).id);
  }
  // A short form the article cannot settle is kept only when an analyst said whom it names.
  for (const mention of unresolved) {
    const surface = decisionSurface(mention);
    const decided = decisions.aliases.get(aliasKey('Person', surface));
    if (!decided) continue;
    place({ type: 'Person', name: surface, spellings: [surface], mentions: [mention], id: decided }, decided);
  }

  return ordered
    .map((group) => {
      const entity = toEntity(group);
      const retyped = decisions.retyped.get(entity.id);
      if (retyped && retyped !== entity.type) {
        entity.type = retyped;
        if (retyped !== 'Country') delete entity.iso2;
      }
      return entity;
    })
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}
