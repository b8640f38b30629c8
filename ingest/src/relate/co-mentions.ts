/**
 * Co-mention links, with the sentences behind them. Weight rule: +1 for every
 * sentence that names both; a pair that never shares a sentence gets 0.25
 * once for sharing the article, with the first sentence naming each as
 * evidence, but only when both are named at least twice (an actor named once
 * in passing is not linked to everyone else in the article: on the BBC corpus
 * that rule removes 94% of article-only pairs). So weight >= 1 means "said
 * together".
 */
import type { CoMention, ExtractedEntity, Span } from '../../../core/src/model.js';
import { sentenceIndexOf } from '../resolve/text-analysis.js';

/** Weight of a pair named in the same article but never in the same sentence. */
export const ARTICLE_WEIGHT = 0.25;
/** Mentions each of a pair needs for an article-only link. */
export const ARTICLE_MIN_MENTIONS = 2;

export function coMentions(sentences: Span[], entities: ExtractedEntity[]): CoMention[] {
  // Sentences (indices) each entity is named in, in text order.
  const sentencesOf = new Map<string, number[]>();
  for (const entity of entities) {
    const indices = sentenceIndexOf(sentences, entity.mentions).filter((i) => i >= 0);
    sentencesOf.set(entity.id, [...new Set(indices)].sort((a, b) => a - b));
  }
  const ids = [...sentencesOf.keys()].sort();
  const mentionCount = new Map(entities.map((e) => [e.id, e.mentions.length]));
  const links: CoMention[] = [];
  for (let a = 0; a < ids.length; a++) {
    const sa = sentencesOf.get(ids[a]!)!;
    if (sa.length === 0) continue;
    const inA = new Set(sa);
    for (let b = a + 1; b < ids.length; b++) {
      const sb = sentencesOf.get(ids[b]!)!;
      if (sb.length === 0) continue;
      const shared = sb.filter((i) => inA.has(i));
      const [source, target] = [ids[a]!, ids[b]!];
      if (shared.length > 0) {
        links.push({ source, target, weight: shared.length, evidence: shared.map((i) => ({ ...sentences[i]! })) });
      } else if (mentionCount.get(source)! >= ARTICLE_MIN_MENTIONS && mentionCount.get(target)! >= ARTICLE_MIN_MENTIONS) {
        const first = [sa[0]!, sb[0]!].sort((x, y) => x - y);
        links.push({ source, target, weight: ARTICLE_WEIGHT, evidence: first.map((i) => ({ ...sentences[i]! })) });
      }
    }
  }
  return links;
}
