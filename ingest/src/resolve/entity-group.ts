/** The working shape of resolution: the mentions that name one actor, before it becomes an ExtractedEntity. */
import type { EntityType, ExtractedEntity, Mention } from '../../../core/src/model.js';
import { entityId } from '../../../core/src/entity-keys.js';

export interface EntityGroup {
  type: EntityType;
  /** The canonical spelling. */
  name: string;
  /** Spellings of the mentions without titles ("Lee" for "President Lee"); aliases come from these. */
  spellings: string[];
  mentions: Mention[];
  iso2?: string;
  /** An id an analyst chose; wins over the one derived from the name. */
  id?: string;
}

/**
 * The name an id is derived from: for people, without middle initials, so
 * "Mara T. Osei" in one article and "Mara Osei" in another are one node.
 */
function idName(group: EntityGroup): string {
  if (group.type !== 'Person') return group.name;
  const words = group.name.split(/\s+/).filter((w) => !/^\p{Lu}\.?$/u.test(w));
  return words.length >= 2 ? words.join(' ') : group.name;
}

const ids = new Map<string, string>();

/** The id derived from a group's name, memoised: the same actors recur in article after article. */
export function groupId(group: EntityGroup): string {
  const name = idName(group);
  const memo = `${group.type}|${group.iso2 ?? ''}|${name}`;
  let id = ids.get(memo);
  if (id === undefined) {
    if (ids.size >= 20_000) ids.clear();
    id = entityId(group.type, name, group.iso2);
    ids.set(memo, id);
  }
  return id;
}

/** Close a group into the entity the rest of the pipeline sees. */
export function toEntity(group: EntityGroup): ExtractedEntity {
  const seen = new Set<string>([group.name.toLowerCase()]);
  const aliases: string[] = [];
  for (const spelling of group.spellings) {
    // Case-only variants (headline capitals) are the same spelling, not an alias.
    const folded = spelling.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    aliases.push(spelling);
  }
  const mentions = [...group.mentions]
    .sort((a, b) => a.start - b.start)
    .map((m) => ({ start: m.start, end: m.end, text: m.text }));
  const entity: ExtractedEntity = {
    id: group.id ?? groupId(group),
    type: group.type,
    name: group.name,
    aliases,
    mentions,
  };
  if (group.iso2) entity.iso2 = group.iso2;
  return entity;
}
