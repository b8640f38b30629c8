/**
 * One article's extraction with some of its actors replaced by others: what stage 6 does before a batch is
 * written, so that "Nadal" in this article lands on the "Rafael Nadal" node the graph (or the batch) already has,
 * instead of making a node that a merge would fold later. Links and facts follow their ends; an actor that meets
 * its replacement in the same article becomes one, its name kept as an alias.
 */
import type { CoMention, EntityType, ExtractedEntity, Extraction, Relation, Span } from '../../../core/src/model.js';

export interface Replacement {
  id: string;
  type: EntityType;
  name: string;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The extraction with each entity id in `replacements` replaced; unchanged when none applies. */
export function remapExtraction(extraction: Extraction, replacements: Map<string, Replacement>): Extraction {
  if (!extraction.entities.some((e) => replacements.has(e.id))) return extraction;
  const idOf = (id: string) => replacements.get(id)?.id ?? id;

  const entities = new Map<string, ExtractedEntity>();
  for (const e of extraction.entities) {
    const to = replacements.get(e.id);
    const entity: ExtractedEntity = to ? { ...e, id: to.id, type: to.type, name: to.name, aliases: [e.name, ...e.aliases] } : e;
    const met = entities.get(entity.id);
    if (!met) {
      entities.set(entity.id, { ...entity, aliases: entity.aliases.filter((a) => a !== entity.name), mentions: [...entity.mentions] });
      continue;
    }
    met.mentions = [...met.mentions, ...entity.mentions].sort((a, b) => a.start - b.start);
    met.aliases = [...new Set([...met.aliases, ...entity.aliases, entity.name])].filter((a) => a !== met.name);
  }

  const links = new Map<string, CoMention>();
  for (const l of extraction.links) {
    const [source, target] = [idOf(l.source), idOf(l.target)];
    if (source === target) continue;
    const key = pairKey(source, target);
    const met = links.get(key);
    if (!met) {
      links.set(key, { ...l, source: key.split('|')[0]!, target: key.split('|')[1]! });
      continue;
    }
    // Two links became one: +1 per sentence naming both ends, as extraction weighs them; else the article-level weight.
    const evidence = uniqueSpans([...met.evidence, ...l.evidence]);
    links.set(key, { ...met, evidence, weight: evidence.length > 0 ? evidence.length : Math.max(met.weight, l.weight) });
  }

  const relations = new Map<string, Relation>();
  for (const r of extraction.relations) {
    const [source, target] = [idOf(r.source), idOf(r.target)];
    if (source === target) continue;
    const key = `${r.type}|${source}|${target}|${r.evidence.start}`;
    if (!relations.has(key)) relations.set(key, { ...r, source, target });
  }

  return { ...extraction, entities: [...entities.values()], links: [...links.values()], relations: [...relations.values()] };
}

function uniqueSpans(spans: Span[]): Span[] {
  const seen = new Map<number, Span>();
  for (const s of spans) if (!seen.has(s.start)) seen.set(s.start, s);
  return [...seen.values()].sort((a, b) => a.start - b.start);
}
