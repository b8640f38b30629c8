/**
 * Small hand-made articles and extractions in the project's own words, for
 * tests that need data in Neo4j without running the NLP.
 */
import { createHash } from 'node:crypto';
import type { Article, EntityType, Extraction, ExtractedEntity, RelationType, Span } from '../../core/src/model.js';

export function article(id: string, text: string, published = '2024-03-01', title = id): Article {
  return { id, title, text, published, topics: [], contentHash: createHash('sha256').update(text).digest('hex') };
}

/** An entity with a mention at every occurrence of each spelling in the text. */
export function entity(text: string, id: string, type: EntityType, name: string, ...aliases: string[]): ExtractedEntity {
  const mentions: ExtractedEntity['mentions'] = [];
  for (const spelling of [name, ...aliases]) {
    for (let at = text.indexOf(spelling); at >= 0; at = text.indexOf(spelling, at + spelling.length)) {
      const end = at + spelling.length;
      // "Vale" inside "Ardent Vale" is part of the longer mention, not another one.
      if (mentions.some((m) => m.start < end && at < m.end)) continue;
      mentions.push({ start: at, end, text: spelling });
    }
  }
  return { id, type, name, aliases, mentions: mentions.sort((a, b) => a.start - b.start) };
}

export function sentenceOf(text: string, fragment: string): Span {
  const at = text.indexOf(fragment);
  if (at < 0) throw new Error(`fixture: "${fragment}" is not in the text`);
  const start = Math.max(text.lastIndexOf('. ', at) + 2, 0);
  const stop = text.indexOf('.', at + fragment.length);
  return { start: text.lastIndexOf('. ', at) < 0 ? 0 : start, end: stop < 0 ? text.length : stop + 1 };
}

export function extraction(
  id: string,
  entities: ExtractedEntity[],
  links: Array<[string, string, number, Span[]]>,
  relations: Array<[RelationType, string, string, Span]> = [],
): Extraction {
  return {
    id,
    entities,
    links: links.map(([source, target, weight, evidence]) => ({ source, target, weight, evidence })),
    relations: relations.map(([type, source, target, evidence]) => ({ type, source, target, evidence })),
  };
}
