/**
 * Analysts' decisions applied to one article's groups: an alias decision
 * names the id (groups landing on one id merge), a short form the article
 * could not settle is kept only when an analyst said whom it names, and a
 * retyped id takes the analyst's type. Rejected strings are dropped earlier.
 */
import type { AnalystDecisions, ExtractedEntity, Mention } from '../../../core/src/model.js';
import { aliasKey } from '../../../core/src/entity-keys.js';
import { groupId, toEntity, type EntityGroup } from './entity-group.js';
import { cleanPersonName } from './group-people.js';

export const NO_DECISIONS: AnalystDecisions = { aliases: new Map(), rejected: new Set(), retyped: new Map() };

/** The spelling a decision about this mention is keyed on (titles and "the" do not count). */
export function decisionSurface(mention: Mention): string {
  return mention.type === 'Person' ? cleanPersonName(mention.text) : mention.text.trim().replace(/^the\s+/i, '');
}

export function applyDecisions(groups: EntityGroup[], unresolved: Mention[], decisions: AnalystDecisions): ExtractedEntity[] {
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
    const decided =
      decisions.aliases.size > 0 ? [group.name, ...group.spellings].map((s) => decisions.aliases.get(aliasKey(group.type, s))).find(Boolean) : undefined;
    if (decided) group.id = decided;
    place(group, group.id ?? groupId(group));
  }
  for (const mention of decisions.aliases.size > 0 ? unresolved : []) {
    const surface = decisionSurface(mention);
    const decided = decisions.aliases.get(aliasKey('Person', surface));
    if (decided) place({ type: 'Person', name: surface, spellings: [surface], mentions: [mention], id: decided }, decided);
  }
  return ordered.map((group) => {
    const entity = toEntity(group);
    const retyped = decisions.retyped.get(entity.id);
    if (retyped && retyped !== entity.type) {
      entity.type = retyped;
      if (retyped !== 'Country') delete entity.iso2;
    }
    return entity;
  });
}
