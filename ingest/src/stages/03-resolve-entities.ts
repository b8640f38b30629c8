/**
 * Stage 3: mentions -> one entity per real actor in an article, with stable
 * ids; analysts' decisions (rejected strings, alias merges, retyping) win
 * over what the model would do.
 */
import type { AnalystDecisions, ExtractedEntity, Mention } from '../../../core/src/model.js';
import { cachedKey as surfaceKey } from '../resolve/cached-key.js';
import { applyDecisions, decisionSurface, NO_DECISIONS } from '../resolve/apply-decisions.js';
import type { EntityGroup } from '../resolve/entity-group.js';
import { groupCountries } from '../resolve/group-countries.js';
import { groupOrganizations } from '../resolve/group-organizations.js';
import { groupPeople } from '../resolve/group-people.js';
import { sentenceIndexOf, type TextAnalysis } from '../resolve/text-analysis.js';
import {
  describedAsOrganizations,
  expansionsAsOrganizations,
  foldIntoCountries,
  givenNamesAsPeople,
  regionalArmsAsOrganizations,
} from '../resolve/type-repairs.js';

export type { TextAnalysis } from '../resolve/text-analysis.js';

/** Type slips the article itself settles (resolve/type-repairs.ts), in order: each reads what the one before left. */
const TYPE_REPAIRS: Array<(text: string, mentions: Mention[]) => Mention[]> = [
  expansionsAsOrganizations,
  givenNamesAsPeople,
  (_text, mentions) => regionalArmsAsOrganizations(mentions),
  // Last: the article's own description of a name outweighs how the name looks.
  describedAsOrganizations,
];

export function resolveEntities(text: string, analysis: TextAnalysis, decisions: AnalystDecisions = NO_DECISIONS): ExtractedEntity[] {
  const rejected = decisions.rejected;
  const repaired = TYPE_REPAIRS.reduce((mentions, repair) => repair(text, mentions), analysis.mentions);
  const mentions = repaired.filter(
    (m) => rejected.size === 0 || (!rejected.has(surfaceKey(m.text)) && !rejected.has(surfaceKey(decisionSurface(m)))),
  );
  const countries = groupCountries(mentions.filter((m) => m.type === 'Country'));
  const { people, organizations } = foldIntoCountries(mentions, countries);
  const { groups: personGroups, unresolved } = groupPeople(people, sentenceIndexOf(analysis.sentences, people), text);
  const groups: EntityGroup[] = [...personGroups, ...groupOrganizations(text, organizations), ...countries];
  return applyDecisions(groups, unresolved, decisions).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}
